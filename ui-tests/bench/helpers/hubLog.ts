/**
 * The local hub's request log (`GET|DELETE <hub>/hub/api/nfdi-local/requests`)
 * and what the bench reads from it: the browser's requests, by kind.
 */
import { DEMO_USER, LocalHub } from '../../tests/helpers/localhub';

/** One request as the hub logged it (`time`: ms since the epoch). */
export interface IHubRequest {
  method: string;
  path: string;
  time: number;
  user_agent: string;
  origin: string;
  status: number | null;
}

/** Empty the hub's request log. */
export async function clearHubLog(hub: LocalHub): Promise<void> {
  const { status } = await hub.request('DELETE', '/nfdi-local/requests');
  if (status !== 204) {
    throw new Error(`DELETE nfdi-local/requests: ${status}`);
  }
}

/**
 * The requests the hub logged that came from a browser with `userAgent`
 * (not the bench's own, not the servers' calls to the hub), up to `until`
 * (ms since the epoch) if given.
 */
export async function browserRequests(
  hub: LocalHub,
  userAgent: string,
  until = Infinity
): Promise<IHubRequest[]> {
  const { status, data } = await hub.request('GET', '/nfdi-local/requests');
  if (status !== 200) {
    throw new Error(`GET nfdi-local/requests: ${status}`);
  }
  return (data.requests as IHubRequest[]).filter(
    entry => entry.user_agent === userAgent && entry.time <= until
  );
}

/**
 * `METHOD path` with the user and server names replaced, e.g.
 * `OPTIONS hub/api/start/{user}/{server}`.
 */
export function requestKind(hub: LocalHub, entry: IHubRequest): string {
  const base = new URL(hub.url).pathname;
  const parts = entry.path.slice(base.length).split('/');
  const kinds = parts.map((part, i) => {
    if (part === DEMO_USER) {
      return '{user}';
    }
    const before = parts[i - 1];
    if (
      before === 'servers' ||
      (before === DEMO_USER && parts[i - 2] === 'start')
    ) {
      return '{server}';
    }
    return part;
  });
  return `${entry.method} ${kinds.join('/')}`;
}

/** How many requests of each kind, and how many in all. */
export function countRequests(
  hub: LocalHub,
  entries: IHubRequest[]
): { total: number; preflights: number; byKind: Record<string, number> } {
  const byKind: Record<string, number> = {};
  for (const entry of entries) {
    const kind = requestKind(hub, entry);
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  return {
    total: entries.length,
    preflights: entries.filter(entry => entry.method === 'OPTIONS').length,
    byKind
  };
}
