/**
 * A token the hub refuses, in a JupyterLab the local hub serves: the sidebar
 * says so and links to the hub's token page, a launch fails with a way to
 * get a token and leaves no tab behind, and a token pasted into the sidebar
 * fixes the connection.
 *
 * Its own local hub, without `--preset-token`: demo's extension settings
 * hold a wrong token, written before demo's JupyterLab first starts.
 */
import * as fs from 'fs';
import * as path from 'path';

import { expect, test } from './helpers/test';
import {
  clickOpeningTab,
  closeTabsAndRemoveServers,
  LONG,
  loginToHub,
  nfdiTile,
  openSidebar,
  toast
} from './helpers/lab';
import { DEMO_USER, LocalHub, PLUGIN_ID } from './helpers/localhub';

const WRONG_TOKEN = 'not-the-demo-token';

let hub: LocalHub;

test.beforeAll(async () => {
  hub = await LocalHub.start({ demoSettings: { token: WRONG_TOKEN } });
});

test.afterAll(async () => {
  await hub?.stop();
});

test.afterEach(async ({ context }) => {
  await closeTabsAndRemoveServers(context, hub);
});

/** demo's extension settings as written before the hub started. */
function settingsFile(): Record<string, unknown> {
  const file = path.join(
    hub.stateDir,
    'users',
    DEMO_USER,
    '.jupyter/lab/user-settings/jupyterlab-nfdi-launcher/plugin.jupyterlab-settings'
  );
  return JSON.parse(fs.readFileSync(file, 'utf-8'));
}

/**
 * demo's extension settings as demo's JupyterLab server stores them (its
 * settings API, which parses the JSON5 file it writes).
 */
async function savedSettings(): Promise<Record<string, unknown>> {
  const { status, data } = await hub.request(
    'GET',
    `${hub.url}user/${DEMO_USER}/lab/api/settings/${PLUGIN_ID}`
  );
  expect(status).toBe(200);
  return data.settings;
}

test('a refused token: the sidebar, a failed launch, and the fix [F28]', async ({
  page,
  context
}) => {
  expect(settingsFile()).toEqual({ token: WRONG_TOKEN });
  await loginToHub(page, hub);

  // The sidebar says the token is refused and where to get one.
  const panel = await openSidebar(page);
  const status = panel.locator('.jp-nfdi-connection .jp-nfdi-status');
  await expect(status).toContainText('The hub refused the token.', {
    timeout: LONG
  });
  const link = panel.getByRole('link', {
    name: 'Get an API token on the hub',
    exact: true
  });
  await expect(link).toHaveAttribute('href', `${hub.url}hub/token`);
  await expect(link).toHaveAttribute('target', '_blank');

  // A tile click: the tab opens and closes again, the notification says
  // the token was not accepted and offers to get one.
  const tab = await clickOpeningTab(context, () =>
    nfdiTile(page, 'Minimal Notebook').click()
  );
  // A short summary; the whole message, with the token page, behind Details.
  const note = toast(
    page,
    'Could not start Minimal Notebook: The hub refused the API token.'
  );
  await expect(note).toBeVisible({ timeout: LONG });
  await expect(
    note.getByRole('button', { name: 'Details', exact: true })
  ).toBeVisible();
  await expect.poll(() => tab.isClosed(), { timeout: 15000 }).toBe(true);
  expect(context.pages()).toEqual([page]);
  expect(await hub.servers()).toEqual({});

  // "Get a token" opens the hub's token page (demo is logged in to the hub).
  const tokenPage = await clickOpeningTab(context, () =>
    note.getByRole('button', { name: 'Get a token', exact: true }).click()
  );
  await tokenPage.waitForURL(`${hub.url}hub/token`, { timeout: LONG });
  await expect(
    tokenPage.getByRole('button', { name: /Request new API token/i })
  ).toBeVisible({ timeout: LONG });
  await tokenPage.close();

  // Pasting the right token into the sidebar fixes the connection, and it
  // is saved in demo's settings on the hub.
  const input = panel.locator('input.jp-nfdi-token-input');
  await expect(input).toHaveAttribute('type', 'password');
  await input.fill(hub.token);
  await panel.getByRole('button', { name: 'Save token', exact: true }).click();
  await expect(status).toHaveText('Signed in as demo.', { timeout: LONG });
  await expect(input).toHaveValue('');
  await expect
    .poll(async () => (await savedSettings()).token, { timeout: 15000 })
    .toBe(hub.token);
});
