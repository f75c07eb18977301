/**
 * A start survives a reload of JupyterLab: the reloaded page follows the
 * start again from the hub (without starting it twice), and the waiting tab
 * opened before the reload still lands in the server.
 *
 * One local hub for the file (`--preset-token`). The start is a real click
 * with Chromium's popup blocker on.
 */

import { expect, test } from './helpers/test';
import {
  closeTabsAndRemoveServers,
  LONG,
  loginToHub,
  openSidebar,
  serverRow,
  sidebar,
  startFromSidebar,
  toast,
  waitForLab
} from './helpers/lab';
import { DEMO_USER, LocalHub } from './helpers/localhub';

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

test('a reload during a pending start ends with the server running, listed once, and the waiting tab in it', async ({
  page,
  context
}) => {
  // A 30 s start, a reload and the clean-up after it: more than the usual
  // two minutes on two busy cores.
  test.setTimeout(240 * 1000);
  // Long enough to reload JupyterLab (5 to 20 s on two busy cores) while
  // the server is still starting.
  const image = 'local/slow:30';
  const label = 'Reload test';
  await loginToHub(page, hub);
  const tab = await startFromSidebar(page, context, { image, name: label });
  await expect(tab.locator('h1')).toHaveText(`Starting ${label}…`, {
    timeout: 15000
  });

  // The hub accepted the start: one server, starting. The waiting page
  // knows which one (the page remembered it at the same moment).
  const server = await hub.onlyServer();
  const name = server.name;
  await expect(tab.locator('html')).toHaveAttribute('data-nfdi-server', name, {
    timeout: LONG
  });
  await expect(tab.locator('html')).toHaveAttribute('data-nfdi-listening', '');
  expect((await hub.servers())[name].ready).toBe(false);

  // Reload JupyterLab while the server starts: the code that opened the tab
  // is gone.
  await page.reload();
  await waitForLab(page);

  // The reloaded page follows the start: a notification, and the sidebar
  // shows it starting, then running with Open.
  await expect(
    toast(page, new RegExp(`^(Starting ${label} on|${label} is starting on)`))
  ).toBeVisible({ timeout: LONG });
  await openSidebar(page);
  const row = serverRow(page, name);
  const badge = row.locator('.jp-nfdi-badge');
  await expect(badge).toHaveText('starting', { timeout: LONG });
  await expect(badge).toHaveText('running', { timeout: LONG });
  await expect(
    row.getByRole('button', { name: 'Open', exact: true })
  ).toBeVisible();
  await expect(toast(page, `${label} is running.`)).toBeVisible({
    timeout: LONG
  });

  // The waiting tab opened before the reload lands in the server.
  const serverUrl = `${hub.url}user/${DEMO_USER}/${name}/`;
  await tab.waitForURL(url => url.href.startsWith(serverUrl), {
    timeout: LONG
  });

  // Nothing was started twice: one server in the list and on the hub.
  await expect(sidebar(page).locator('li.jp-nfdi-server')).toHaveCount(1);
  const servers = await hub.servers();
  expect(Object.keys(servers)).toEqual([name]);
  expect(servers[name]).toMatchObject({
    ready: true,
    user_options: { custom: { customimage: image }, name: label }
  });
});
