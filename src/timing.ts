/**
 * Activation figures: each plugin's activation as a `performance.measure`,
 * for anyone to read (`performance.getEntriesByName(...)`), e.g. a benchmark.
 */
import type { JupyterFrontEndPlugin } from '@jupyterlab/application';

/** The prefix of the measures' names; the plugin's id follows. */
export const ACTIVATION_MEASURE = 'nfdi:activate:';

/**
 * `plugin`, whose activation records a measure named
 * `nfdi:activate:<plugin id>` from the call of `activate` to the settling of
 * what it returns. What it returns, or throws, is unchanged.
 */
export function timed<T extends JupyterFrontEndPlugin<unknown>>(plugin: T): T {
  const activate = plugin.activate;
  return {
    ...plugin,
    activate(this: unknown, ...args: Parameters<T['activate']>): unknown {
      const start = performance.now();
      const measure = () => {
        try {
          performance.measure(ACTIVATION_MEASURE + plugin.id, { start });
        } catch {
          // A browser without User Timing level 3: no figure, same behaviour.
        }
      };
      let result: unknown;
      try {
        result = activate.apply(this, args);
      } catch (error) {
        measure();
        throw error;
      }
      if (!isThenable(result)) {
        measure();
        return result;
      }
      return result.then(
        value => {
          measure();
          return value;
        },
        (error: unknown) => {
          measure();
          throw error;
        }
      );
    }
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
