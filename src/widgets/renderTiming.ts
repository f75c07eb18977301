/**
 * Render times for benchmarks, through the browser's User Timing API: a
 * mark when a render starts, a measure of the same name at its commit.
 * Nothing is shown; where the API is missing nothing is recorded.
 */
import * as React from 'react';

/** The name of the sidebar's render entries (list and start form). */
export const SIDEBAR_RENDER = 'nfdi:sidebar-render';

/**
 * Record a `name` measure from the render of the calling component to the
 * commit of its tree (its layout effects run after its children's).
 */
export function useRenderTiming(name: string): void {
  const perf = userTiming();
  perf?.mark(name);
  React.useLayoutEffect(() => {
    try {
      perf?.measure(name, name);
      perf?.clearMarks(name); // Only the measures are kept.
    } catch {
      // The mark was cleared by someone else: no entry this time.
    }
  });
}

function userTiming(): Performance | null {
  const perf = globalThis.performance as Performance | undefined;
  return typeof perf?.mark === 'function' &&
    typeof perf.measure === 'function' &&
    typeof perf.clearMarks === 'function'
    ? perf
    : null;
}
