/**
 * Bench, JupyterLab under the hub (same origin): click timings, hub says
 * running → tab navigates (with and without the progress stream, and
 * JupyterHub's own spawn-pending page), requests per 30 s launch.
 *
 * Records figures only (scripts/bench_table.py judges them); see
 * docs/benchmark.md for what each one means.
 */
import { BrowserContext, Page, test } from '@playwright/test';

import { loginToHub, setNFDISettings } from '../tests/helpers/lab';
import { LocalHub } from '../tests/helpers/localhub';
import { recordClicks, timeWindowOpenAlone } from './helpers/clicks';
import { recordFigure } from './helpers/figures';
import { browserRequests, clearHubLog, countRequests } from './helpers/hubLog';
import { launchFromTile, launchSpawnPending } from './helpers/launches';

/** Launches per variant (medians need a few). */
const LAUNCHES = 5;
/** A server that starts in a few seconds, and one that takes 30. */
const QUICK_IMAGE = 'local/slow:2';
const SLOW_IMAGE = 'local/slow:30';

/**
 * One preset per timed launch (their options differ by name), so that each
 * click is a new start: a tile whose options match a server the sidebar's
 * list shows running re-checks the list before it starts, which is another
 * path than the one timed here.
 */
const quickTitle = (i: number) => `Bench quick ${i + 1}`;

const PRESETS = [
  ...Array.from({ length: 2 * LAUNCHES }, (_, i) => ({
    title: quickTitle(i),
    image: QUICK_IMAGE
  })),
  { title: 'Bench 30 s', image: SLOW_IMAGE }
].map(({ title, image }) => ({
  title,
  options: { option: 'custom', custom: { customimage: image }, name: title }
}));

let hub: LocalHub;
/** One browser context and lab page for the file: the login is done once. */
let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(5 * 60 * 1000);
  // --no-reuse: each launch makes a new configuration, so the next one need
  // not wait until the previous server is removed.
  hub = await LocalHub.start({ presetToken: true, reuse: false });
  context = await browser.newContext();
  await recordClicks(context);
  page = await context.newPage();
  await loginToHub(page, hub);
  await setNFDISettings(page, { launchers: PRESETS });
});

test.afterAll(async () => {
  await context?.close();
  await hub?.stop();
});

test.afterEach(async () => {
  await hub.request('PUT', '/nfdi-local/faults', {});
  await hub.removeAllServers();
});

test('tile launches: click timings and running → tab, with and without the progress stream', async () => {
  test.setTimeout(8 * 60 * 1000);
  const clicks = [];
  let launched = 0;
  for (const stream of [true, false]) {
    await hub.request(
      'PUT',
      '/nfdi-local/faults',
      stream ? {} : { 'progress-off': true }
    );
    const samples = [];
    for (let i = 0; i < LAUNCHES; i++) {
      const launch = await launchFromTile(
        page,
        context,
        hub,
        quickTitle(launched++),
        true
      );
      clicks.push(launch.click);
      samples.push(launch.runningToTab);
    }
    recordFigure(stream ? 'runningToTabStream' : 'runningToTabNoStream', {
      image: QUICK_IMAGE,
      samples
    });
  }
  recordFigure('clickToRequest', {
    samples: clicks.map(click => click.toRequest)
  });
  recordFigure('clickToText', { samples: clicks.map(click => click.toText) });
  recordFigure('clickToOpen', { samples: clicks.map(click => click.toOpen) });
  recordFigure('windowOpenCall', {
    samples: clicks.map(click => click.openCall)
  });
});

test("window.open alone in the same lab page (the browser's part)", async () => {
  recordFigure('windowOpenAlone', {
    samples: await timeWindowOpenAlone(page, 2 * LAUNCHES)
  });
});

test("JupyterHub's spawn-pending page: running → tab", async () => {
  test.setTimeout(5 * 60 * 1000);
  const samples = [];
  for (let i = 0; i < LAUNCHES; i++) {
    samples.push(
      await launchSpawnPending(context, hub, `bench-pending-${i}`, {
        custom: { customimage: QUICK_IMAGE },
        name: 'Spawn-pending bench'
      })
    );
  }
  recordFigure('runningToTabSpawnPending', { image: QUICK_IMAGE, samples });
});

test('requests to the hub per 30 s launch, same origin', async () => {
  test.setTimeout(4 * 60 * 1000);
  const userAgent = await page.evaluate(() => navigator.userAgent);
  await clearHubLog(hub);
  // No polling by the bench here: the hub sees only the browser (and its
  // servers, told apart by their User-Agent).
  const launch = await launchFromTile(page, context, hub, 'Bench 30 s', false);
  const requests = await browserRequests(hub, userAgent, launch.navigated.wall);
  recordFigure('requestsPerLaunchSameOrigin', {
    image: SLOW_IMAGE,
    ...countRequests(hub, requests)
  });
});
