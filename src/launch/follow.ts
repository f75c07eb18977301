/**
 * Following a server the hub accepted: its status (see `statusWatch.ts`)
 * and its progress stream (see `progressWatch.ts`), which says what to show
 * meanwhile and when to ask the status at once.
 */
import { DisposableDelegate, IDisposable } from '@lumino/disposable';

import { IProgressEvent } from '../hub';
import { ProgressWatch } from './progressWatch';
import { IStatusWatchOptions, StatusOutcome, StatusWatch } from './statusWatch';

export type { StatusOutcome } from './statusWatch';

/**
 * How to follow an accepted start.
 */
export interface IFollowOptions extends IStatusWatchOptions {
  /** The server's owner. */
  userName: string;
  /** Milliseconds of silence after which the stream is taken for dead. */
  silence?: number;
}

/**
 * Follow an accepted start: its status until it runs or stops (`onEnd`,
 * once), asked at once on every hint from the progress stream, and what
 * the hub says meanwhile (`onProgress`). Dispose to stop.
 */
export function follow(
  options: IFollowOptions,
  onEnd: (outcome: StatusOutcome) => void,
  onProgress: (event: IProgressEvent) => void
): IDisposable {
  const watch = new StatusWatch(options, onEnd);
  const progress = new ProgressWatch(
    {
      client: options.client,
      userName: options.userName,
      serverName: options.name,
      silence: options.silence
    },
    {
      onProgress,
      onAlive: alive => watch.setStreamAlive(alive),
      onHint: () => watch.check()
    }
  );
  return new DisposableDelegate(() => {
    progress.dispose();
    watch.dispose();
  });
}
