/**
 * The launch flow in a JupyterLab the local hub serves (same origin as the
 * hub): launcher tiles, the sidebar's start form and server list, failing
 * and slow servers.
 *
 * One local hub for the file (`--preset-token`: demo's JupyterLab already
 * has the demo token). Every test logs in afresh and removes the servers it
 * started. Launches are real clicks with Chromium's popup blocker on.
 */
import { Page } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';

import { expect, test } from './helpers/test';
import {
  addPreset,
  clickOpeningTab,
  closeTabsAndRemoveServers,
  launcher,
  LONG,
  loginToHub,
  nfdiTile,
  openSidebar,
  serverRow,
  setNFDISettings,
  sidebar,
  startFromSidebar,
  toast,
  waitForLab
} from './helpers/lab';
import { DEMO_USER, LocalHub, REPO_ROOT } from './helpers/localhub';

let hub: LocalHub;

test.beforeAll(async () => {
  hub = await LocalHub.start({ presetToken: true });
});

test.afterAll(async () => {
  await hub?.stop();
});

test.afterEach(async ({ context }) => {
  await closeTabsAndRemoveServers(context, hub);
});

test.describe('Same-origin launch', () => {
  test('a launcher tile starts a server and its tab lands in it', async ({
    page,
    context
  }) => {
    await loginToHub(page, hub);
    expect(await hub.servers()).toEqual({});

    const tile = nfdiTile(page, 'Minimal Notebook');
    await expect(tile).toBeVisible();
    const tab = await clickOpeningTab(context, () => tile.click());

    // The tab opened at once, from the click, showing the waiting page.
    await expect(tab.locator('h1')).toHaveText('Starting Minimal Notebook…', {
      timeout: 15000
    });

    // The hub starts exactly one server, with the preset's options.
    const server = await hub.onlyServer();
    const name = server.name;

    // The tab lands in that server's JupyterLab.
    const serverLab = `${hub.url}user/${DEMO_USER}/${name}/lab`;
    await tab.waitForURL(url => url.href.startsWith(serverLab), {
      timeout: LONG
    });
    // The notification in the first tab says so (it closes by itself 8 s
    // after the tab lands: look at it first).
    await expect(
      toast(page, 'Minimal Notebook is running. It opened in a new tab.')
    ).toBeVisible({ timeout: LONG });
    await waitForLab(tab);
    await expect(tab.locator('#jp-main-dock-panel')).toBeVisible();
    expect(
      await tab.evaluate(
        () => (window as any).jupyterapp.serviceManager.serverSettings.baseUrl
      )
    ).toBe(`${hub.url}user/${DEMO_USER}/${name}/`);

    // The hub has it running, with the preset's image.
    const model = (await hub.servers())[name];
    expect(model.ready).toBe(true);
    expect(model.user_options).toMatchObject({
      option: 'custom',
      custom: { customimage: 'jupyter/minimal-notebook:latest' },
      name: 'Minimal Notebook'
    });

    // The sidebar lists it as running.
    await openSidebar(page);
    const row = serverRow(page, name);
    await expect(row).toBeVisible({ timeout: LONG });
    await expect(row.locator('.jp-nfdi-badge')).toHaveText('running', {
      timeout: LONG
    });
    await expect(row.locator('.jp-nfdi-server-title')).toHaveText(
      'Minimal Notebook'
    );
    await expect(row).toContainText('jupyter/minimal-notebook:latest');
  });
});

test.describe('The sidebar', () => {
  test('stops and deletes a server', async ({ page }) => {
    // A running server to act on, started through the API.
    const name = await hub.startServer({ name: 'Sidebar test' });
    await Promise.all([
      hub.waitForStatus(name, 'running'),
      loginToHub(page, hub)
    ]);

    await openSidebar(page);
    const row = serverRow(page, name);
    await expect(row.locator('.jp-nfdi-server-title')).toHaveText(
      'Sidebar test',
      { timeout: LONG }
    );
    const badge = row.locator('.jp-nfdi-badge');
    await expect(badge).toHaveText('running', { timeout: LONG });
    await expect(sidebar(page).locator('.jp-nfdi-count')).toHaveText(
      '1 of 15 configurations'
    );

    // Stop: the row says stopped, and so does the hub; the configuration stays.
    await row.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(
      toast(
        page,
        new RegExp(`^Sidebar test \\(${name}\\) is (stopped|stopping)\\.`)
      )
    ).toBeVisible({ timeout: LONG });
    await expect(badge).toHaveText('stopped', { timeout: LONG });
    await expect(row.getByRole('button', { name: 'Stop' })).toHaveCount(0);
    await expect(row.getByRole('button', { name: 'Logs' })).toBeVisible();
    const stopped = (await hub.servers())[name];
    expect(stopped).toMatchObject({ ready: false, pending: null });

    // Delete asks first; Cancel keeps it.
    await row.getByRole('button', { name: 'Delete', exact: true }).click();
    let dialog = page.locator('.jp-Dialog');
    await expect(dialog.locator('.jp-Dialog-header')).toHaveText(
      `Delete Sidebar test (${name})?`
    );
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    expect(Object.keys(await hub.servers())).toEqual([name]);

    // Delete, confirmed: the row is gone, and the hub no longer lists it.
    await row.getByRole('button', { name: 'Delete', exact: true }).click();
    dialog = page.locator('.jp-Dialog');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row).toHaveCount(0, { timeout: LONG });
    await expect(
      toast(page, `Sidebar test (${name}) is deleted.`)
    ).toBeVisible();
    expect(await hub.servers()).toEqual({});
    await expect(sidebar(page).locator('.jp-nfdi-count')).toHaveText(
      '0 of 15 configurations'
    );
  });
});

test.describe('Failing and slow servers', () => {
  test('a server that fails closes its tab and offers its logs [F07]', async ({
    page,
    context
  }) => {
    await loginToHub(page, hub);
    const tab = await startFromSidebar(page, context, {
      image: 'local/failing:1',
      name: 'Failing image test'
    });

    // The failure, with the exit code and a way to the logs.
    const note = toast(
      page,
      'Failing image test stopped while starting (exit code 3).'
    );
    await expect(note).toBeVisible({ timeout: LONG });

    // The tab the click opened is closed again: no stray tab.
    await expect.poll(() => tab.isClosed(), { timeout: 15000 }).toBe(true);
    expect(context.pages()).toEqual([page]);

    // The hub has it stopped, with the image asked for.
    const server = await hub.onlyServer();
    expect(server).toMatchObject({
      ready: false,
      pending: null,
      user_options: {
        option: 'custom',
        custom: { customimage: 'local/failing:1' },
        name: 'Failing image test'
      }
    });

    // "Show logs": the exit code and the image's log lines.
    await note.getByRole('button', { name: 'Show logs', exact: true }).click();
    const dialog = page.locator('.jp-Dialog');
    await expect(dialog.locator('.jp-Dialog-header')).toHaveText(
      'Logs of Failing image test'
    );
    await expect(dialog).toContainText('Exit code: 3');
    const logs = dialog.locator('pre.jp-nfdi-logs-text');
    await expect(logs).toContainText('Pulling image local/failing:1');
    await expect(logs).toContainText(
      'Error: failed to start container: exec: "start-singleuser.sh": executable file not found in $PATH'
    );
    await expect(logs).toContainText('Error: server exited with code 3');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toHaveCount(0);

    // The sidebar lists it as stopped, with the same logs.
    const row = serverRow(page, server.name);
    await expect(row.locator('.jp-nfdi-badge')).toHaveText('stopped', {
      timeout: LONG
    });
    await row.getByRole('button', { name: 'Logs', exact: true }).click();
    await expect(dialog).toContainText('Exit code: 3');
    await expect(dialog.locator('pre.jp-nfdi-logs-text')).toContainText(
      'Error: server exited with code 3'
    );
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  });

  test('a slow server from a tile: pending, the launcher stays usable, then its tab lands in it', async ({
    page,
    context
  }) => {
    await loginToHub(page, hub);
    // A preset for the slow image (set-up through the settings registry).
    await addPreset(page, {
      title: 'Slow image test',
      caption: 'A server that takes 8 s to start',
      options: {
        option: 'custom',
        custom: { customimage: 'local/slow:8' },
        name: 'Slow image test'
      }
    });
    try {
      const tile = nfdiTile(page, 'Slow image test');
      await expect(tile).toBeVisible({ timeout: LONG });
      const tab = await clickOpeningTab(context, () => tile.click());
      const hubHost = new URL(hub.url).host;
      const pending = `Slow image test is starting on ${hubHost} (pending)…`;
      const note = toast(page, pending);

      // The launcher still works while it starts (JupyterLab's Launcher
      // ignores every click while a tile's command has not settled).
      await launcher(page)
        .locator('.jp-LauncherCard', { hasText: /^Text File$/ })
        .click();
      await expect(page.locator('.jp-FileEditor:visible')).toBeVisible({
        timeout: 15000
      });

      // While the image "pulls" (8 s): pending, in the notification and in
      // the waiting tab; the hub has the server starting.
      await expect(note).toBeVisible({ timeout: LONG });
      await expect(tab.locator('main #nfdi-status')).toHaveText(pending);
      // What JupyterHub's progress stream says, e.g. "50%: Spawning server...".
      await expect(tab.locator('main .detail')).toHaveText(/^\d+%: \S/, {
        timeout: LONG
      });
      await expect(note).toContainText('%: ');
      const server = await hub.onlyServer();
      expect(server.ready).toBe(false);
      expect(server.pending).toBe('spawn');
      expect(tab.url()).toBe('about:blank');

      // Then it runs and the tab lands in it.
      await tab.waitForURL(
        url =>
          url.href.startsWith(`${hub.url}user/${DEMO_USER}/${server.name}/lab`),
        { timeout: LONG }
      );
      // The toast closes by itself 8 s after the tab lands: look at it first.
      await expect(
        toast(page, 'Slow image test is running. It opened in a new tab.')
      ).toBeVisible({ timeout: LONG });
      await waitForLab(tab);
      expect((await hub.servers())[server.name]).toMatchObject({
        ready: true,
        user_options: { custom: { customimage: 'local/slow:8' } }
      });
    } finally {
      // demo's settings are shared by the tests of this file.
      await setNFDISettings(page, { launchers: undefined });
    }
  });
});

test.describe('Screenshots for the README', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the sidebar in the light and dark themes, and the launcher', async ({
    page
  }) => {
    fs.mkdirSync(IMAGES, { recursive: true });
    // Something to show: a running and a failed server.
    const running = await hub.startServer({
      option: 'custom',
      custom: { customimage: 'jupyter/minimal-notebook:latest' },
      name: 'Minimal Notebook'
    });
    const failed = await hub.startServer({
      option: 'custom',
      custom: { customimage: 'local/failing:1' },
      system: 'JSC-Cloud',
      flavor: 'l1',
      name: 'Broken image'
    });
    await Promise.all([
      hub.waitForStatus(running, 'running'),
      hub.waitForStatus(failed, 'stopped'),
      loginToHub(page, hub)
    ]);

    // The launcher with the NFDI tiles.
    await expect(nfdiTile(page, 'Minimal Notebook')).toBeVisible();
    await expect(nfdiTile(page, 'Binder requirements example')).toBeVisible();
    await launcher(page).screenshot({
      path: path.join(IMAGES, 'launcher.png')
    });

    const panel = await openSidebar(page);
    await expect(panel.locator('.jp-nfdi-status')).toHaveText(
      'Signed in as demo.',
      { timeout: LONG }
    );
    await expect(serverRow(page, running).locator('.jp-nfdi-badge')).toHaveText(
      'running',
      { timeout: LONG }
    );
    await expect(serverRow(page, failed).locator('.jp-nfdi-badge')).toHaveText(
      'stopped'
    );
    expect(await isLightTheme(page)).toBe(true);
    await panel.screenshot({ path: path.join(IMAGES, 'sidebar-light.png') });

    await changeTheme(page, 'JupyterLab Dark');
    try {
      expect(await isLightTheme(page)).toBe(false);
      await panel.screenshot({ path: path.join(IMAGES, 'sidebar-dark.png') });
    } finally {
      // The theme is a user setting of demo's: leave it as found.
      await changeTheme(page, 'JupyterLab Light');
    }

    for (const file of [
      'launcher.png',
      'sidebar-light.png',
      'sidebar-dark.png'
    ]) {
      expect(fs.statSync(path.join(IMAGES, file)).size).toBeGreaterThan(5000);
    }
  });
});

/** Where the README's images go. */
const IMAGES = path.join(REPO_ROOT, 'docs', 'images');

async function isLightTheme(page: Page): Promise<boolean> {
  return page.evaluate(() => document.body.dataset.jpThemeLight === 'true');
}

/** Switch the theme (set-up, not a launch) and wait until it is applied. */
async function changeTheme(page: Page, theme: string): Promise<void> {
  await page.evaluate(
    theme =>
      (window as any).jupyterapp.commands.execute('apputils:change-theme', {
        theme
      }),
    theme
  );
  await page.waitForFunction(
    theme => document.body.dataset.jpThemeName === theme,
    theme,
    { timeout: LONG }
  );
  // Let the new theme's CSS settle before a screenshot.
  await page.evaluate(
    () => new Promise(resolve => requestAnimationFrame(() => resolve(null)))
  );
}

/** Run a palette command by typing its label and pressing Enter. */
async function runFromPalette(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Control+Shift+C');
  const input = page.locator('.lm-CommandPalette-input');
  await expect(input).toBeVisible();
  await input.fill(label);
  const item = page.locator('.lm-CommandPalette-item.lm-mod-active', {
    hasText: label
  });
  await expect(item).toBeVisible();
  await page.keyboard.press('Enter');
}

test.describe('The command palette', () => {
  test('starts a preset, then stops and deletes the server', async ({
    page,
    context
  }) => {
    await loginToHub(page, hub);

    // Start: a key press, so the tab opens with the popup blocker on.
    const tab = await clickOpeningTab(context, () =>
      runFromPalette(page, 'Start Minimal Notebook')
    );
    const server = await hub.onlyServer();
    await tab.waitForURL(
      url =>
        url.href.startsWith(`${hub.url}user/${DEMO_USER}/${server.name}/lab`),
      { timeout: LONG }
    );
    await expect
      .poll(async () => (await hub.servers())[server.name]?.ready, {
        timeout: LONG
      })
      .toBe(true);
    await tab.close();

    // Stop, without args: the user picks the server.
    await runFromPalette(page, 'Stop an NFDI Server');
    let dialog = page.locator('.jp-Dialog');
    await expect(dialog).toContainText('Stop which server?', { timeout: LONG });
    await expect(dialog.locator('select')).toContainText(server.name);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(toast(page, /is (stopped|stopping)\./)).toBeVisible({
      timeout: LONG
    });
    await expect
      .poll(async () => (await hub.servers())[server.name]?.ready, {
        timeout: LONG
      })
      .toBe(false);

    // Delete, without args: pick, then confirm.
    await runFromPalette(page, 'Delete an NFDI Server');
    dialog = page.locator('.jp-Dialog');
    await expect(dialog).toContainText('Delete which server?', {
      timeout: LONG
    });
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(page.locator('.jp-Dialog')).toContainText('Delete ', {
      timeout: LONG
    });
    await page
      .locator('.jp-Dialog')
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect(toast(page, 'is deleted.')).toBeVisible({ timeout: LONG });
    expect(await hub.servers()).toEqual({});
  });
});
