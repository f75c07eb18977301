/**
 * "The hub says running" and "the tab navigates", on one clock: the bench
 * process's `performance.now()`.
 *
 * - running: the hub's status API is polled every 25 ms from the bench
 *   process; the moment is when the first answer saying so arrives;
 * - navigates: when Playwright reports the tab's navigation request for
 *   the server's URL (Playwright's event, in the bench process).
 */
import { Page } from '@playwright/test';

import { sleep } from './figures';

/** How often the bench asks the hub whether the server runs. */
export const POLL_MS = 25;

/** When something happened, on both clocks the bench uses. */
export interface IMoment {
  /** `performance.now()` of the bench process */
  at: number;
  /** ms since the epoch (to compare with the hub's request log) */
  wall: number;
}

function now(): IMoment {
  return { at: performance.now(), wall: Date.now() };
}

/**
 * The navigations of a tab's main frame, from its opening on (redirects
 * included: each hop is a navigation request of its own).
 */
export class NavigationLog {
  constructor(private readonly _tab: Page) {
    _tab.on('request', request => {
      if (
        request.isNavigationRequest() &&
        request.frame() === _tab.mainFrame()
      ) {
        const moment = now();
        this._seen.push({ url: request.url(), moment });
        this._waiters.forEach(check => check());
      }
    });
  }

  /** When the tab first went to a URL below `prefix` (waits for it). */
  waitFor(prefix: string, timeout: number): Promise<IMoment> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this._seen.find(seen => seen.url.startsWith(prefix));
        if (found) {
          clearTimeout(timer);
          this._waiters.delete(check);
          resolve(found.moment);
        }
      };
      const timer = setTimeout(() => {
        this._waiters.delete(check);
        reject(
          new Error(`The tab did not go to ${prefix} within ${timeout} ms`)
        );
      }, timeout);
      this._waiters.add(check);
      check();
    });
  }

  private _seen: { url: string; moment: IMoment }[] = [];
  private _waiters = new Set<() => void>();
}

/**
 * Ask `isRunning` every POLL_MS ms (each question after the previous
 * answer, at most one in flight) until it says yes; when that answer came.
 */
export async function pollUntilRunning(
  isRunning: () => Promise<boolean>,
  timeout: number
): Promise<IMoment> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const asked = performance.now();
    if (await isRunning()) {
      return now();
    }
    if (performance.now() > deadline) {
      throw new Error(`Not running within ${timeout} ms`);
    }
    await sleep(Math.max(0, asked + POLL_MS - performance.now()));
  }
}
