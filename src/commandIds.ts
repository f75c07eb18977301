/**
 * Command IDs: one command per action, varied by args.
 */
export namespace CommandIDs {
  /** Start a server: args `preset` and/or `options`. */
  export const start = 'nfdi:start';
  /** Open a running server in a new tab: arg `server`. */
  export const open = 'nfdi:open';
  /** Stop a server: arg `server` (asks which without it). */
  export const stop = 'nfdi:stop';
  /** Stop a server and delete its configuration: arg `server` (`delete` is a reserved word). */
  export const deleteServer = 'nfdi:delete';
  /** Start a stopped configuration again with its saved options: arg `server`. */
  export const startAgain = 'nfdi:start-again';
  /** Copy the hub's direct launch link of a repo2docker preset or server: arg `preset` or `server`. */
  export const copyLaunchLink = 'nfdi:copy-launch-link';
  /** Show a stopped server's exit code and logs: arg `server`. */
  export const showLogs = 'nfdi:show-logs';
  /** Set the API token: arg `token` (asks without it). */
  export const setToken = 'nfdi:set-token';
  /** Open the hub's token page in a new tab. */
  export const openTokenPage = 'nfdi:open-token-page';
  /** Refresh the list of servers. */
  export const refresh = 'nfdi:refresh';
  /** Show the NFDI sidebar. */
  export const openSidebar = 'nfdi:open-sidebar';
}
