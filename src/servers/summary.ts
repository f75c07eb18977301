/**
 * Servers at a glance: how many run, how many start, the shortest time left.
 */
import type { IServerModel } from '../hub';
import type { ILaunch } from '../launch/types';
import type { TimeLeft } from './lifetime';
import { serverState } from './state';
import type { IServerSummary } from './types';

/**
 * Count running and starting servers (and starts not listed as such yet)
 * and find the shortest time left among them.
 */
export function summarize(
  servers: ReadonlyArray<IServerModel>,
  launches: ReadonlyArray<ILaunch>,
  timeLeft: (server: IServerModel) => TimeLeft
): IServerSummary {
  const summary: IServerSummary = { running: 0, starting: 0, shortest: null };
  const counted = new Set<string>();
  for (const server of servers) {
    const state = serverState(server);
    if (state !== 'running' && state !== 'starting') {
      continue;
    }
    counted.add(server.name);
    summary[state]++;
    const left = timeLeft(server);
    if (left.kind === 'limited') {
      summary.shortest = Math.min(summary.shortest ?? Infinity, left.left);
    }
  }
  for (const launch of launches) {
    const name = launch.result.name;
    if (!launch.isDone && !(name && counted.has(name))) {
      summary.starting++;
    }
  }
  return summary;
}
