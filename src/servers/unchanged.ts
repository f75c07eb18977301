/**
 * What did not change keeps its identity: views compare by identity to
 * know what to redraw.
 */
import { JSONExt, ReadonlyPartialJSONValue } from '@lumino/coreutils';

import { HubError, IServerModel } from '../hub';

/** Whether two values read from the hub's JSON are equal. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSONExt.deepEqual(
    a as ReadonlyPartialJSONValue,
    b as ReadonlyPartialJSONValue
  );
}

/**
 * `next`, with each server equal to one in `previous` replaced by that one,
 * and `previous` itself if nothing differs: views compare by identity.
 */
export function keepUnchanged(
  previous: ReadonlyArray<IServerModel>,
  next: IServerModel[]
): IServerModel[] {
  const before = new Map(previous.map(server => [server.name, server]));
  const merged = next.map(server => {
    const old = before.get(server.name);
    return old && sameValue(old, server) ? old : server;
  });
  const same =
    merged.length === previous.length &&
    merged.every((server, i) => server === previous[i]);
  return same ? (previous as IServerModel[]) : merged;
}

/** `next`, or `previous` when it says the same. */
export function keepEqual<T>(previous: T, next: T): T {
  if (previous instanceof HubError && next instanceof HubError) {
    return previous.kind === next.kind && previous.message === next.message
      ? previous
      : next;
  }
  return sameValue(previous, next) ? previous : next;
}
