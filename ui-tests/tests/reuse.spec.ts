/**
 * Starts that land on a configuration the user already has, as the real
 * hub reuses one whose options are the same: one configuration and one tab
 * for two starts, "Start again" on a stopped one, the first status answer
 * saying `stopped` (the real hub's quirk), and the limit of 15
 * configurations checked before any tab opens or any request is sent.
 *
 * Local hubs with `--preset-token` (demo's JupyterLab has the demo token);
 * launches are real clicks and key presses with Chromium's popup blocker on.
 */
import { BrowserContext, Page } from '@playwright/test';

import { expect, test } from './helpers/test';
import {
  addPreset,
  clickOpeningTab,
  closeTabsAndRemoveServers,
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
import { DEMO_USER, LocalHub } from './helpers/localhub';

/** The options the "Minimal Notebook" preset starts with (schema default). */
const MINIMAL = {
  option: 'custom',
  custom: { customimage: 'jupyter/minimal-notebook:latest' },
  name: 'Minimal Notebook'
};

/** Counts the start requests (`POST …/hub/api/start`) the page sends. */
function countStarts(page: Page): () => number {
  let starts = 0;
  page.on('request', request => {
    if (
      request.method() === 'POST' &&
      new URL(request.url()).pathname.endsWith('/hub/api/start')
    ) {
      starts += 1;
    }
  });
  return () => starts;
}

/** Counts the browser tabs opened from now on. */
function countTabs(context: BrowserContext): () => number {
  let tabs = 0;
  context.on('page', () => {
    tabs += 1;
  });
  return () => tabs;
}

/** Where a server of demo's lands. */
function serverLab(hub: LocalHub, name: string): (url: URL) => boolean {
  return url => url.href.startsWith(`${hub.url}user/${DEMO_USER}/${name}/lab`);
}

/**
 * Wait until the extension's servers model lists `count` configurations,
 * `running` of them running (it loads them at start-up and after every
 * launch; read here, not driven).
 */
async function waitForServersModel(
  page: Page,
  count: number,
  running = 0
): Promise<void> {
  await page.waitForFunction(
    ([count, running]) => {
      const app = (window as any).jupyterapp;
      const plugin = app.pluginRegistry._plugins.get(
        'jupyterlab-nfdi-launcher:servers'
      );
      const model = plugin?.service?.servers;
      return (
        model?.connection === 'connected' &&
        model.servers.length === count &&
        model.servers.filter((s: any) => s.ready).length === running
      );
    },
    [count, running],
    { timeout: LONG, polling: 250 }
  );
}

/** Run a palette command by typing its label and pressing Enter. */
async function runFromPalette(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Control+Shift+C');
  const input = page.locator('.lm-CommandPalette-input');
  await expect(input).toBeVisible();
  await input.fill(label);
  await expect(
    page.locator('.lm-CommandPalette-item.lm-mod-active', { hasText: label })
  ).toBeVisible();
  await page.keyboard.press('Enter');
}

/** Stop a server through the REST API and wait until it is stopped. */
async function stopServer(hub: LocalHub, name: string): Promise<void> {
  const { status, data } = await hub.request(
    'DELETE',
    `/users/${DEMO_USER}/servers/${name}`
  );
  expect([202, 204], JSON.stringify(data)).toContain(status);
  await expect
    .poll(async () => (await hub.servers())[name], { timeout: LONG })
    .toMatchObject({ ready: false, pending: null });
}

test.describe('With reuse of identical options', () => {
  let hub: LocalHub;

  test.beforeAll(async () => {
    hub = await LocalHub.start({ presetToken: true, reuse: true });
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test.afterEach(async ({ context }) => {
    await closeTabsAndRemoveServers(context, hub);
  });

  test('(c) a tile and the palette with the same options: one configuration, one tab', async ({
    page,
    context
  }) => {
    await loginToHub(page, hub);
    // A preset slow enough (8 s) for the second start to come while the
    // first is on its way.
    await addPreset(page, {
      title: 'Reuse test',
      options: {
        option: 'custom',
        custom: { customimage: 'local/slow:8' },
        name: 'Reuse test'
      }
    });
    try {
      await waitForServersModel(page, 0);
      const starts = countStarts(page);
      const tabs = countTabs(context);

      // The tile, then the same preset from the palette while it starts.
      const tile = nfdiTile(page, 'Reuse test');
      await expect(tile).toBeVisible({ timeout: LONG });
      const tab = await clickOpeningTab(context, () => tile.click());
      await runFromPalette(page, 'Start Reuse test');
      const server = await hub.onlyServer();
      await tab.waitForURL(serverLab(hub, server.name), { timeout: LONG });
      await expect(
        toast(page, 'Reuse test is running. It opened in a new tab.')
      ).toBeVisible({ timeout: LONG });
      expect(tabs()).toBe(1);
      expect(starts()).toBe(1);
      expect(Object.keys(await hub.servers())).toEqual([server.name]);

      // Once it runs (and the list says so), the tile opens that server at
      // once: no start request.
      await waitForServersModel(page, 1, 1);
      const again = await clickOpeningTab(context, () => tile.click());
      await again.waitForURL(serverLab(hub, server.name), { timeout: LONG });
      await expect(
        toast(page, 'Reuse test is already running. It opened in a new tab.')
      ).toBeVisible({ timeout: LONG });
      expect(starts()).toBe(1);
      expect(Object.keys(await hub.servers())).toEqual([server.name]);
    } finally {
      // demo's settings are shared by the tests of this file.
      await setNFDISettings(page, { launchers: undefined });
    }
  });

  test('(d) "Start again" on a stopped configuration lands in a tab', async ({
    page,
    context
  }) => {
    const name = await hub.startServer({
      option: 'custom',
      custom: { customimage: 'jupyter/minimal-notebook:latest' },
      system: 'JSC-Cloud',
      flavor: 'l1',
      name: 'Start again test'
    });
    await hub.waitForStatus(name, 'running');
    await stopServer(hub, name);
    const options = (await hub.servers())[name].user_options;

    await loginToHub(page, hub);
    const starts = countStarts(page);
    await openSidebar(page);
    const row = serverRow(page, name);
    await expect(row.locator('.jp-nfdi-badge')).toHaveText('stopped', {
      timeout: LONG
    });
    const button = row.getByRole('button', { name: /^Start .+ again$/ });
    const tab = await clickOpeningTab(context, () => button.click());

    // The same configuration runs again, with its saved options.
    await tab.waitForURL(serverLab(hub, name), { timeout: LONG });
    await waitForLab(tab);
    const servers = await hub.servers();
    expect(Object.keys(servers)).toEqual([name]);
    expect(servers[name].ready).toBe(true);
    expect(servers[name].user_options).toEqual(options);
    expect(starts()).toBe(1);
    await expect(row.locator('.jp-nfdi-badge')).toHaveText('running', {
      timeout: LONG
    });
  });

  test('(h) at 15 configurations a tile with new options opens no tab and sends no request; a matching one still starts [F09]', async ({
    page,
    context
  }) => {
    // One configuration with the "Minimal Notebook" tile's options, stopped.
    const minimal = await hub.startServer(MINIMAL);
    await hub.waitForStatus(minimal, 'running');
    await stopServer(hub, minimal);
    // Fourteen more with other options. Quickest: a status request for a
    // name demo does not have creates an empty configuration (as on the
    // real hub); where the hub does not, failing starts make them.
    for (let i = 1; i <= 14; i++) {
      await hub.request('GET', `/start/${DEMO_USER}/filler${i}`);
    }
    let count = Object.keys(await hub.servers()).length;
    for (let i = count + 1; i <= 15; i++) {
      await hub.startServer({
        option: 'custom',
        custom: { customimage: 'local/failing:x' },
        name: `Filler ${i}`
      });
    }
    await expect
      .poll(
        async () =>
          Object.values(await hub.servers()).filter(
            s => !s.ready && s.pending === null
          ).length,
        { timeout: LONG }
      )
      .toBe(15);
    count = 15;

    await loginToHub(page, hub);
    await addPreset(page, {
      title: 'Limit test',
      options: {
        option: 'custom',
        custom: { customimage: 'jupyter/minimal-notebook:latest' },
        name: 'Limit test'
      }
    });
    try {
      await waitForServersModel(page, count);
      const starts = countStarts(page);
      const tabs = countTabs(context);

      // New options: refused in the click, before any tab or request.
      const tile = nfdiTile(page, 'Limit test');
      await expect(tile).toBeVisible({ timeout: LONG });
      await tile.click();
      const note = toast(
        page,
        'You have 15 server configurations, as many as the hub allows.'
      );
      await expect(note).toBeVisible({ timeout: LONG });
      // Nothing opens late either.
      await page.waitForTimeout(2000);
      expect(tabs()).toBe(0);
      expect(starts()).toBe(0);
      expect(Object.keys(await hub.servers())).toHaveLength(15);

      // "Show servers" shows the sidebar.
      await note
        .getByRole('button', { name: 'Show servers', exact: true })
        .click();
      await expect(sidebar(page)).toBeVisible({ timeout: LONG });

      // The tile whose options match one of the 15 starts it again.
      const tab = await clickOpeningTab(context, () =>
        nfdiTile(page, 'Minimal Notebook').click()
      );
      await tab.waitForURL(serverLab(hub, minimal), { timeout: LONG });
      expect(starts()).toBe(1);
      expect(tabs()).toBe(1);
      const servers = await hub.servers();
      expect(Object.keys(servers)).toHaveLength(15);
      expect(servers[minimal].ready).toBe(true);
    } finally {
      // demo's settings are shared by the tests of this file.
      await setNFDISettings(page, { launchers: undefined });
    }
  });
});

test.describe('With the first status answer saying stopped', () => {
  let hub: LocalHub;

  test.beforeAll(async () => {
    hub = await LocalHub.start({ presetToken: true, quirks: true });
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test.afterEach(async ({ context }) => {
    await closeTabsAndRemoveServers(context, hub);
  });

  test('(g) a new start and a start of a reused configuration both land', async ({
    page,
    context
  }) => {
    await loginToHub(page, hub);
    const starts = countStarts(page);

    // New configuration: the first answer is stopped (exit code null).
    const tab = await clickOpeningTab(context, () =>
      nfdiTile(page, 'Minimal Notebook').click()
    );
    const server = await hub.onlyServer();
    await tab.waitForURL(serverLab(hub, server.name), { timeout: LONG });
    await expect(
      toast(page, 'Minimal Notebook is running. It opened in a new tab.')
    ).toBeVisible({ timeout: LONG });
    await tab.close();

    // Stopped, then the same options again: the hub reuses the
    // configuration, whose first answer is stopped with its previous exit
    // code.
    await stopServer(hub, server.name);
    const again = await clickOpeningTab(context, () =>
      nfdiTile(page, 'Minimal Notebook').click()
    );
    await again.waitForURL(serverLab(hub, server.name), { timeout: LONG });
    await expect(
      toast(page, 'Minimal Notebook is running. It opened in a new tab.')
    ).toBeVisible({ timeout: LONG });
    await waitForLab(again);
    expect(Object.keys(await hub.servers())).toEqual([server.name]);
    expect(starts()).toBe(2);
    await expect(toast(page, /stopped while starting/)).toHaveCount(0);
  });

  test('(g) a failing image is still reported with its exit code and logs', async ({
    page,
    context
  }) => {
    await loginToHub(page, hub);
    const t0 = Date.now();
    const tab = await startFromSidebar(page, context, {
      image: 'local/failing:x',
      name: 'Quirky failure'
    });
    const note = toast(
      page,
      'Quirky failure stopped while starting (exit code 3).'
    );
    await expect(note).toBeVisible({ timeout: LONG });
    // Within seconds, not after the whole grace or the start timeout.
    expect(Date.now() - t0).toBeLessThan(30 * 1000);
    await expect.poll(() => tab.isClosed(), { timeout: 15000 }).toBe(true);

    await note.getByRole('button', { name: 'Show logs', exact: true }).click();
    const dialog = page.locator('.jp-Dialog');
    await expect(dialog).toContainText('Exit code: 3');
    const logs = dialog.locator('pre.jp-nfdi-logs-text');
    await expect(logs).toContainText('Pulling image local/failing:x');
    await expect(logs).toContainText('Error: server exited with code 3');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  });
});
