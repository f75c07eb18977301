import { JupyterFrontEnd } from '@jupyterlab/application';
import { performance as nodePerformance } from 'perf_hooks';

import plugins from '../index';
import { hubPlugin } from '../plugins/hub';
import { resumePlugin } from '../plugins/resume';
import { ACTIVATION_MEASURE, timed, timedStep } from '../timing';

const app = {} as JupyterFrontEnd;

/** The measures recorded for a plugin id. */
const measures = (id: string) =>
  performance.getEntriesByName(ACTIVATION_MEASURE + id, 'measure');

/** A plugin whose activation runs `activate`. */
function plugin<T>(id: string, activate: (...args: unknown[]) => T) {
  return timed({ id, description: 'A test plugin.', activate });
}

describe('timed', () => {
  // The test DOM has no User Timing: use Node's, the same API.
  const domPerformance = globalThis.performance;
  const use = (value: unknown) =>
    Object.defineProperty(globalThis, 'performance', {
      value,
      configurable: true,
      writable: true
    });
  beforeAll(() => use(nodePerformance));
  afterAll(() => use(domPerformance));
  beforeEach(() => performance.clearMeasures());

  it('measures a synchronous activation and returns what it returns', () => {
    const received: unknown[] = [];
    const wrapped = plugin('test:sync', (...args) => {
      received.push(...args);
      return 42;
    });
    expect(wrapped.activate(app, 'service', null)).toBe(42);
    expect(received).toEqual([app, 'service', null]);
    expect(measures('test:sync')).toHaveLength(1);
    expect(wrapped.id).toBe('test:sync');
    expect(wrapped.description).toBe('A test plugin.');
  });

  it('measures an asynchronous activation up to its first await, and its steps', async () => {
    let resolve!: (value: string) => void;
    const wrapped = plugin('test:async', async () => {
      const value = await new Promise<string>(r => (resolve = r));
      return timedStep('test:async', () => value.toUpperCase());
    });
    const activation = wrapped.activate(app);
    // Its own work up to the await; not the time it waits.
    expect(measures('test:async')).toHaveLength(1);
    resolve('service');
    expect(await activation).toBe('SERVICE');
    // The work after the await: a second measure of the same plugin.
    expect(measures('test:async')).toHaveLength(2);
  });

  it('throws, or rejects, the same error, and still measures', async () => {
    const error = new Error('cannot activate');
    const throwing = plugin('test:throws', () => {
      throw error;
    });
    expect(() => throwing.activate(app)).toThrow(error);
    expect(measures('test:throws')).toHaveLength(1);

    const rejecting = plugin('test:rejects', () => Promise.reject(error));
    await expect(rejecting.activate(app)).rejects.toBe(error);
    expect(measures('test:rejects')).toHaveLength(1);
    expect(() =>
      timedStep('test:step-throws', () => {
        throw error;
      })
    ).toThrow(error);
    expect(measures('test:step-throws')).toHaveLength(1);
  });

  it('behaves the same where the browser cannot measure', () => {
    use(domPerformance);
    try {
      expect(plugin('test:no-timing', () => 'service').activate(app)).toBe(
        'service'
      );
    } finally {
      use(nodePerformance);
    }
  });

  it('wraps every plugin the extension exports', () => {
    expect(plugins.map(p => p.id)).toContain(hubPlugin.id);
    for (const exported of plugins) {
      expect(exported.activate).not.toBe(hubPlugin.activate);
      expect(exported.activate).not.toBe(resumePlugin.activate);
    }
    expect(plugins.find(p => p.id === resumePlugin.id)?.requires).toBe(
      resumePlugin.requires
    );
  });
});
