/**
 * A hub configured unlike the default one: under a base URL (`/jhub/`) and
 * with the real Jupyter4NFDI hub's quirks (a bare "stopped" on the first
 * status check after a 202; 404 when deleting an already stopped server).
 * The extension finds the hub from the page it runs in and copes with both.
 */

import { expect, test } from './helpers/test';
import {
  clickOpeningTab,
  closeTabsAndRemoveServers,
  LONG,
  loginToHub,
  nfdiTile,
  openSidebar,
  serverRow,
  toast,
  waitForLab
} from './helpers/lab';
import { DEMO_USER, LocalHub } from './helpers/localhub';

let hub: LocalHub;

test.beforeAll(async () => {
  hub = await LocalHub.start({
    presetToken: true,
    baseUrl: '/jhub/',
    quirks: true
  });
});

test.afterAll(async () => {
  await hub?.stop();
});

test.afterEach(async ({ context }) => {
  await closeTabsAndRemoveServers(context, hub);
});

test('under a base URL, with the hub quirks: start, land, stop, delete', async ({
  page,
  context
}) => {
  expect(hub.url).toMatch(/\/jhub\/$/);
  await loginToHub(page, hub);

  // The sidebar found the hub under its prefix, with no hub URL set.
  const panel = await openSidebar(page);
  await expect(panel.locator('.jp-nfdi-hub-url')).toHaveText(hub.url);
  await expect(panel.locator('.jp-nfdi-connection .jp-nfdi-status')).toHaveText(
    'Signed in as demo.',
    { timeout: LONG }
  );

  // The first status check answers a bare "stopped": not a failure.
  const tab = await clickOpeningTab(context, () =>
    nfdiTile(page, 'Minimal Notebook').click()
  );
  const { name } = await hub.onlyServer();
  await tab.waitForURL(
    url => url.href.startsWith(`${hub.url}user/${DEMO_USER}/${name}/lab`),
    { timeout: LONG }
  );
  // The toast closes by itself 8 s after the tab lands: look at it first.
  await expect(
    toast(page, 'Minimal Notebook is running. It opened in a new tab.')
  ).toBeVisible({ timeout: LONG });
  await waitForLab(tab);
  await tab.close();

  // Stop and delete from the sidebar.
  const row = serverRow(page, name);
  await expect(row.locator('.jp-nfdi-badge')).toHaveText('running', {
    timeout: LONG
  });
  await row.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(row.locator('.jp-nfdi-badge')).toHaveText('stopped', {
    timeout: LONG
  });
  await row.getByRole('button', { name: 'Delete', exact: true }).click();
  await page
    .locator('.jp-Dialog')
    .getByRole('button', { name: 'Delete', exact: true })
    .click();
  await expect(row).toHaveCount(0, { timeout: LONG });
  expect(await hub.servers()).toEqual({});
});
