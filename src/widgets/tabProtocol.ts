/**
 * What a waiting tab and a JupyterLab say to each other on the
 * `BroadcastChannel`, and how a question is checked.
 */

/** The channel's name (the extension's own). */
export const TAB_CHANNEL = 'jupyterlab-nfdi-launcher:waiting-tabs';

/** What the messages' `kind` says. */
export const TabMessageKind = {
  /** Tab → JupyterLab: where is my server? */
  where: 'nfdi-where',
  /** JupyterLab → tab: it runs, here (`url`). */
  running: 'nfdi-running',
  /** JupyterLab → tab: it is starting, I follow it. */
  starting: 'nfdi-starting',
  /** JupyterLab → tab: it did not start (`message`, text). */
  ended: 'nfdi-ended'
} as const;

/**
 * Which server a message is about: the hub's origin, the user, the server.
 */
export interface IServerAddress {
  hub: string;
  user: string;
  server: string;
}

/**
 * A tab's question.
 */
export interface IWhereMessage extends IServerAddress {
  kind: typeof TabMessageKind.where;
}

/**
 * An answer to a tab.
 */
export type TabAnswer = IServerAddress &
  (
    | { kind: typeof TabMessageKind.running; url: string }
    | { kind: typeof TabMessageKind.starting }
    | { kind: typeof TabMessageKind.ended; message: string }
  );

/**
 * The part of a `BroadcastChannel` the answerer uses.
 */
export interface ITabChannel {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

/**
 * A tab's question, or `null` if `data` is not one (wrong shape, a hub that
 * is not a bare http(s) origin, empty names).
 */
export function readQuestion(data: unknown): IWhereMessage | null {
  if (typeof data !== 'object' || data === null) {
    return null;
  }
  const { kind, hub, user, server } = data as Record<string, unknown>;
  if (
    kind !== TabMessageKind.where ||
    typeof hub !== 'string' ||
    typeof user !== 'string' ||
    typeof server !== 'string' ||
    !user ||
    !server ||
    !isOrigin(hub)
  ) {
    return null;
  }
  return { kind, hub, user, server };
}

/** Whether `value` is exactly an http(s) origin, e.g. `https://hub.example.org`. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.origin === value
    );
  } catch {
    return false;
  }
}
