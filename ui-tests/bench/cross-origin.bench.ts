/**
 * Bench, the standalone JupyterLab (another origin than the hub's, the hub
 * allows it with --cors-origin): requests per 30 s launch, requests while
 * idle, JS shipped, plugin activation, sidebar render.
 *
 * Records figures only (scripts/bench_table.py judges them); see
 * docs/benchmark.md for what each one means.
 */
import { APIRequestContext, expect, Page, test } from '@playwright/test';

import {
  launcher,
  LONG,
  openSidebar,
  serverRow,
  setNFDISettings,
  sidebar,
  waitForLab
} from '../tests/helpers/lab';
import { DEMO_USER, LocalHub, PLUGIN_ID } from '../tests/helpers/localhub';
import { recordClicks } from './helpers/clicks';
import { recordFigure, sleep } from './helpers/figures';
import { browserRequests, clearHubLog, countRequests } from './helpers/hubLog';
import { launchFromTile } from './helpers/launches';
import { timeRefreshes } from './helpers/refresh';
import { LoadedFiles, measures, shippedFiles } from './helpers/shipped';

const SLOW_PRESET = {
  title: 'Bench 30 s',
  options: {
    option: 'custom',
    custom: { customimage: 'local/slow:30' },
    name: 'Bench 30 s'
  }
};
/** The idle windows. */
const IDLE_MS = 60 * 1000;
/** Page loads for the JS, activation and render figures. */
const LOADS = 5;
/** Configurations and presets the sidebar renders. */
const CONFIGURATIONS = 15;
const PRESETS = 30;

let hub: LocalHub;

test.beforeAll(async ({}, testInfo) => {
  const labOrigin = new URL(testInfo.project.use.baseURL as string).origin;
  hub = await LocalHub.start({ corsOrigin: labOrigin, reuse: false });
});

test.afterAll(async () => {
  await hub?.stop();
});

/** Drop the extension's user settings on the standalone server. */
async function resetSettings(request: APIRequestContext): Promise<void> {
  const response = await request.put(`/lab/api/settings/${PLUGIN_ID}`, {
    data: { raw: '{}' }
  });
  expect(response.ok()).toBe(true);
}

test.beforeEach(async ({ request, context }) => {
  await resetSettings(request);
  await recordClicks(context);
});

test.afterEach(async ({ request }) => {
  await resetSettings(request);
  await hub.removeAllServers();
});

/** Open the standalone JupyterLab (fresh workspace): usable, sidebar closed. */
async function loadLab(page: Page): Promise<void> {
  await page.goto('/lab?reset');
  await waitForLab(page);
  await expect(launcher(page)).toBeVisible({ timeout: LONG });
}

test('requests to the hub per 30 s launch, cross-origin', async ({
  page,
  context
}) => {
  test.setTimeout(4 * 60 * 1000);
  await loadLab(page);
  await setNFDISettings(page, {
    hubUrl: hub.url,
    token: hub.token,
    launchers: [SLOW_PRESET]
  });
  const userAgent = await page.evaluate(() => navigator.userAgent);
  await sleep(2000);
  await clearHubLog(hub);
  const launch = await launchFromTile(
    page,
    context,
    hub,
    SLOW_PRESET.title,
    false
  );
  const requests = await browserRequests(hub, userAgent, launch.navigated.wall);
  recordFigure('requestsPerLaunchCrossOrigin', {
    image: 'local/slow:30',
    ...countRequests(hub, requests)
  });
});

test('requests to the hub per minute while idle, sidebar closed and open', async ({
  page
}) => {
  test.setTimeout(4 * 60 * 1000);
  await loadLab(page);
  await setNFDISettings(page, { hubUrl: hub.url, token: hub.token });
  const userAgent = await page.evaluate(() => navigator.userAgent);
  const idleWindow = async () => {
    await clearHubLog(hub);
    await sleep(IDLE_MS);
    return countRequests(hub, await browserRequests(hub, userAgent));
  };
  // What the settings change started has settled.
  await sleep(3000);
  const closed = await idleWindow();
  const panel = await openSidebar(page);
  await expect(panel.locator('.jp-nfdi-connection .jp-nfdi-status')).toHaveText(
    'Signed in as demo.',
    { timeout: LONG }
  );
  await sleep(3000);
  const open = await idleWindow();
  recordFigure('idleRequests', { windowSeconds: IDLE_MS / 1000, closed, open });
});

test('JS shipped, plugin activation, sidebar render with 15 configurations and 30 presets', async ({
  page
}) => {
  test.setTimeout(5 * 60 * 1000);
  // Configurations, made fast: a status request for an unknown name
  // creates an empty one on this hub (as on the real hub).
  const names = Array.from(
    { length: CONFIGURATIONS },
    (_, i) => `bench-config-${String(i + 1).padStart(2, '0')}`
  );
  for (const name of names) {
    await hub.request('GET', `/start/${DEMO_USER}/${name}`);
  }
  await loadLab(page);
  await setNFDISettings(page, {
    hubUrl: hub.url,
    token: hub.token,
    launchers: Array.from({ length: PRESETS }, (_, i) => ({
      title: `Preset ${i + 1}`,
      options: {
        option: 'custom',
        custom: { customimage: `local/slow:${i + 1}` }
      }
    }))
  });

  const loads = [];
  for (let i = 0; i < LOADS; i++) {
    const loaded = new LoadedFiles(page);
    await loadLab(page);
    const beforeSidebar = await loaded.files();
    const activation = await measures(page, 'nfdi:activate:');
    await openSidebar(page);
    await expect(serverRow(page, names[names.length - 1])).toBeVisible({
      timeout: LONG
    });
    await expect(sidebar(page).locator('li.jp-nfdi-server')).toHaveCount(
      CONFIGURATIONS,
      { timeout: LONG }
    );
    const sidebarRenders = await measures(page, 'nfdi:sidebar-render');
    const refreshes = await timeRefreshes(page, hub, names);
    loaded.dispose();
    loads.push({
      beforeSidebar,
      all: await loaded.files(),
      activation,
      sidebarRenders,
      refreshes
    });
  }
  recordFigure('pageLoads', {
    configurations: CONFIGURATIONS,
    presets: PRESETS,
    shipped: shippedFiles(),
    loads
  });
});
