/**
 * Timing a click in the lab page, on the page's own clock
 * (`performance.now()`, the clock of `event.timeStamp` and of Resource
 * Timing):
 *
 * - the click: `event.timeStamp` of the `click` event, seen by a capture
 *   listener on `window` (before any of the page's own listeners);
 * - the start request: `startTime` of the Resource Timing entry of the
 *   `POST <hub>/hub/api/start` (when `fetch` was called);
 * - the waiting text: `window.open` is wrapped so that a MutationObserver
 *   watches the new tab's document (a same-origin `about:blank` the lab
 *   page writes); the time is taken when the first mutation that leaves
 *   text in its body is delivered (right after the script that wrote it,
 *   before the browser can paint it).
 */
import { Page, BrowserContext } from '@playwright/test';

/** One click's timings, in ms after the click. */
export interface IClickTimings {
  toRequest: number | null;
  toText: number | null;
  /** Click → the page calls `window.open` for the waiting tab. */
  toOpen: number | null;
  /** How long that `window.open` call took (the browser's part). */
  openCall: number | null;
}

/** Runs in every page of the context before its own scripts. */
function installRecorder(): void {
  const w = window as any;
  if (w.__nfdiBench) {
    return;
  }
  const record: {
    clicks: number[];
    texts: number[];
    opens: { start: number; end: number }[];
  } = {
    clicks: [],
    texts: [],
    opens: []
  };
  w.__nfdiBench = record;
  // JupyterLab loads a few hundred files: keep every entry.
  performance.setResourceTimingBufferSize(100000);
  window.addEventListener(
    'click',
    event => record.clicks.push(event.timeStamp),
    true
  );
  const open = window.open;
  window.open = function (this: Window, ...args: any[]) {
    const start = performance.now();
    const win = open.apply(this, args as any);
    record.opens.push({ start, end: performance.now() });
    try {
      const doc = win?.document;
      if (doc) {
        const observer = new MutationObserver(() => {
          if (doc.body?.textContent?.trim()) {
            record.texts.push(performance.now());
            observer.disconnect();
          }
        });
        observer.observe(doc, {
          childList: true,
          subtree: true,
          characterData: true
        });
      }
    } catch {
      // a tab on another origin: no text to time
    }
    return win;
  } as typeof window.open;
}

/** Time clicks in every page of `context` from now on. */
export async function recordClicks(context: BrowserContext): Promise<void> {
  await context.addInitScript(installRecorder);
}

/** Forget earlier clicks, tabs and requests of `page`. */
export async function resetClicks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const record = (window as any).__nfdiBench;
    record.clicks.length = 0;
    record.texts.length = 0;
    record.opens.length = 0;
    performance.clearResourceTimings();
  });
}

/** The path of the start request (not of the status requests below it). */
const START_PATH = '/hub/api/start/?$';

/**
 * The timings of the last click in `page`, once its start request has
 * completed (a Resource Timing entry exists only then).
 */
export async function clickTimings(page: Page): Promise<IClickTimings> {
  await page
    .waitForFunction(
      source =>
        performance
          .getEntriesByType('resource')
          .some(entry => new RegExp(source).test(new URL(entry.name).pathname)),
      START_PATH,
      { timeout: 30 * 1000, polling: 50 }
    )
    .catch(() => undefined);
  return page.evaluate(source => {
    const record = (window as any).__nfdiBench;
    const click = record.clicks[record.clicks.length - 1];
    if (click === undefined) {
      return { toRequest: null, toText: null, toOpen: null, openCall: null };
    }
    const post = performance
      .getEntriesByType('resource')
      .find(entry => new RegExp(source).test(new URL(entry.name).pathname));
    const text = record.texts[0];
    const open = record.opens[0];
    return {
      toRequest: post ? post.startTime - click : null,
      toText: text === undefined ? null : text - click,
      toOpen: open === undefined ? null : open.start - click,
      openCall: open === undefined ? null : open.end - open.start
    };
  }, START_PATH);
}

/**
 * How long `window.open('', '_blank')` alone takes in `page`, the browser's
 * part of the waiting tab: `times` real clicks on a plain button added to
 * the page, whose handler opens a blank tab, writes a word and closes it
 * again shortly after. Nothing of the extension runs in these clicks.
 */
export async function timeWindowOpenAlone(
  page: Page,
  times: number
): Promise<number[]> {
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.id = 'nfdi-bench-open';
    button.textContent = 'open';
    button.style.cssText = 'position:fixed;top:0;left:0;z-index:100000';
    (window as any).__nfdiBenchOpens = [];
    button.addEventListener('click', () => {
      const start = performance.now();
      const win = window.open('', '_blank');
      (window as any).__nfdiBenchOpens.push(performance.now() - start);
      if (win) {
        win.document.body.textContent = 'open';
        setTimeout(() => win.close(), 300);
      }
    });
    document.body.appendChild(button);
  });
  for (let i = 0; i < times; i++) {
    await page.locator('#nfdi-bench-open').click();
    await page.waitForTimeout(700);
  }
  return page.evaluate(() => {
    document.getElementById('nfdi-bench-open')?.remove();
    return (window as any).__nfdiBenchOpens as number[];
  });
}
