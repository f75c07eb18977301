/**
 * Activation figures: the main-thread time of each plugin's activation as
 * `performance.measure` entries, for anyone to read
 * (`performance.getEntriesByName(...)`), e.g. a benchmark.
 */
import type { JupyterFrontEndPlugin } from '@jupyterlab/application';

/** The prefix of the measures' names; the plugin's id follows. */
export const ACTIVATION_MEASURE = 'nfdi:activate:';

/**
 * `plugin`, whose activation records a measure named
 * `nfdi:activate:<plugin id>` from the call of `activate` until it returns
 * (or throws). An asynchronous `activate` is measured up to its first
 * `await`: what it awaits (e.g. JupyterLab loading the settings) is not its
 * work, and the work after it is measured with `timedStep`. What `activate`
 * returns, or throws, is unchanged.
 */
export function timed<T extends JupyterFrontEndPlugin<unknown>>(plugin: T): T {
  const activate = plugin.activate;
  return {
    ...plugin,
    activate(this: unknown, ...args: Parameters<T['activate']>): unknown {
      return timedStep(plugin.id, () => activate.apply(this, args));
    }
  };
}

/**
 * Run `work` now and record its time as one more measure of the plugin
 * `id`'s activation (the measures of one plugin add up).
 */
export function timedStep<T>(id: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    try {
      performance.measure(ACTIVATION_MEASURE + id, { start });
    } catch {
      // A browser without User Timing level 3: no figure, same behaviour.
    }
  }
}
