/**
 * Servers the hub ends: time left in the sidebar, the warning before the
 * end, the quiet note when the hub removed one; the status bar item and the
 * section of the running panel.
 *
 * One local hub for the file that stops and deletes servers started through
 * its start API 30 s after the start (`--api-server-lifetime 30`), with the
 * demo token preset. demo's settings say the same (`serverLifetime: 30`)
 * and warn 15 s before the end (`lifetimeWarning: 0.25` minutes). Starts
 * are real clicks with Chromium's popup blocker on.
 */
import { Locator, Page } from '@playwright/test';

import { expect, test } from './helpers/test';
import {
  clickOpeningTab,
  closeTabsAndRemoveServers,
  LONG,
  loginToHub,
  serverRow,
  setNFDISettings,
  sidebar,
  startFromSidebar,
  toast
} from './helpers/lab';
import { DEMO_USER, LocalHub } from './helpers/localhub';

const LIFETIME = 30;

let hub: LocalHub;

test.beforeAll(async () => {
  hub = await LocalHub.start({
    presetToken: true,
    apiServerLifetime: LIFETIME
  });
});

test.afterAll(async () => {
  await hub?.stop();
});

test.afterEach(async ({ context }) => {
  await closeTabsAndRemoveServers(context, hub);
});

/** Log in, with the lifetime settings of this file. */
async function login(page: Page): Promise<void> {
  await loginToHub(page, hub);
  await setNFDISettings(page, {
    serverLifetime: LIFETIME,
    lifetimeWarning: 0.25
  });
}

/** The NFDI item of the status bar. */
function statusItem(page: Page): Locator {
  return page.locator('#jp-main-statusbar .jp-nfdi-statusbar-button');
}

/** Error notifications (there must be none). */
function errorToasts(page: Page): Locator {
  return page.locator('.Toastify__toast--error');
}

test.describe('Time left', () => {
  test('a server with a 30 s lifetime shows its time left, warns with Open, and leaves the list quietly', async ({
    page,
    context
  }) => {
    await login(page);
    const waiting = await startFromSidebar(page, context, {
      image: 'jupyter/minimal-notebook:latest',
      name: 'Short-lived'
    });
    const server = await hub.onlyServer();
    const name = server.name;
    // The waiting tab is not what this test is about: spare the two cores.
    await waiting.close();

    // The row counts down the time left of a server the start API made.
    const row = serverRow(page, name);
    await expect(row.locator('.jp-nfdi-badge')).toHaveText('running', {
      timeout: LONG
    });
    const left = row.locator('.jp-nfdi-time-left');
    await expect(left).toHaveText(/^(< 1 min left|ending now)$/);
    await expect(left).toHaveAttribute('title', /deletes its configuration/);

    // The status bar says so too, and opens the sidebar: close the sidebar
    // (its tab again), then click the item.
    const item = statusItem(page);
    await expect(item).toHaveText(/^NFDI: 1 running · < 1 min left$/, {
      timeout: LONG
    });
    await page.locator('.jp-SideBar [data-id="jp-nfdi-sidebar"]').click();
    await expect(sidebar(page)).toBeHidden();
    await item.click();
    await expect(sidebar(page)).toBeVisible();

    // 15 s before the end: the warning, with Open.
    const warning = toast(
      page,
      new RegExp(
        `^Short-lived \\(${name}\\) ends in < 1 min: the hub stops it and deletes its configuration\\. Save your work\\.`
      )
    );
    // It comes before the end: it goes when the hub removes the server
    // (checked below). No clock is compared: the machine may be busy.
    await expect(warning).toBeVisible({ timeout: LONG });
    const opened = await clickOpeningTab(context, () =>
      warning.getByRole('button', { name: 'Open', exact: true }).click()
    );
    await opened.waitForURL(
      url => url.href.startsWith(`${hub.url}user/${DEMO_USER}/${name}/`),
      { timeout: LONG }
    );
    await opened.close();

    // The hub removes it at the end: the row goes, with a quiet note.
    await expect(row).toHaveCount(0, { timeout: LONG });
    await expect(
      toast(
        page,
        `Short-lived (${name}) reached its time limit and was removed by the hub.`
      )
    ).toBeVisible({ timeout: LONG });
    expect(await hub.servers()).toEqual({});
    await expect(errorToasts(page)).toHaveCount(0);
    // The warning has gone with it; nothing runs, so no status item.
    await expect(warning).toHaveCount(0);
    await expect(statusItem(page)).toHaveCount(0);
  });
});

test.describe('At a glance', () => {
  test('the running panel lists the server in an NFDI section and stops it', async ({
    page,
    context
  }) => {
    await login(page);
    const waiting = await startFromSidebar(page, context, {
      image: 'jupyter/minimal-notebook:latest',
      name: 'Running panel test'
    });
    const name = (await hub.onlyServer()).name;
    await waiting.close();
    await expect(serverRow(page, name).locator('.jp-nfdi-badge')).toHaveText(
      'running',
      { timeout: LONG }
    );
    await expect(statusItem(page)).toContainText('NFDI: 1 running');

    // The running panel (its tab in the left side bar). Galata's sidebar
    // helpers need its fixture, which a hub-spawned JupyterLab does not have.
    // eslint-disable-next-line jupyter/galata-prefer-sidebar-activity-helper
    await page.locator('.jp-SideBar [data-id="jp-running-sessions"]').click();
    const panel = page.locator('#jp-running-sessions');
    await expect(panel).toBeVisible();
    const section = panel.locator('.jp-RunningSessions-section', {
      has: page.locator('.jp-nfdi-running-item')
    });
    await expect(
      panel.getByText('NFDI servers', { exact: true }).first()
    ).toBeVisible();
    const entry = section.locator('.jp-nfdi-running-item', {
      hasText: 'Running panel test'
    });
    await expect(entry).toBeVisible({ timeout: LONG });
    await expect(entry.locator('.jp-RunningSessions-itemDetail')).toHaveText(
      /left$/
    );
    await expect(
      entry.locator('.jp-RunningSessions-itemLabel')
    ).toHaveAttribute('title', new RegExp(`Running panel test \\(${name}\\)`));

    // Stop, from the panel: through the stop command (its notification).
    // The panel shows an item's buttons while the pointer is over it.
    await entry.hover();
    await entry.locator('.jp-RunningSessions-itemShutdown').click();
    await expect(
      toast(
        page,
        new RegExp(`^Running panel test \\(${name}\\) is (stopped|stopping)\\.`)
      )
    ).toBeVisible({ timeout: LONG });
    await expect(entry).toHaveCount(0, { timeout: LONG });
    await expect
      .poll(async () => (await hub.servers())[name]?.ready, { timeout: LONG })
      .toBe(false);
    await expect(statusItem(page)).toHaveCount(0, { timeout: LONG });
    await expect(errorToasts(page)).toHaveCount(0);
  });
});
