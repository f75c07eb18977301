/**
 * Zero-config under a hub: when the hub lets a JupyterLab's own login list
 * and start the user's servers (`c.Spawner.oauth_client_allowed_scopes`),
 * the extension works with no token pasted; when it does not, the sidebar
 * says which actions and scopes are missing and where to get a token.
 *
 * Two local hubs, neither with `--preset-token`: demo's settings hold no
 * token. One grants the page token `servers!user` and `access:servers`, the
 * other grants nothing beyond the default.
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
import { DEMO_USER, LocalHub, PLUGIN_ID } from './helpers/localhub';

/** demo's extension settings as demo's JupyterLab server stores them. */
async function savedSettings(hub: LocalHub): Promise<Record<string, unknown>> {
  const { status, data } = await hub.request(
    'GET',
    `${hub.url}user/${DEMO_USER}/lab/api/settings/${PLUGIN_ID}`
  );
  expect(status).toBe(200);
  return data.settings ?? {};
}

test.describe('A hub that grants the page login server scopes', () => {
  let hub: LocalHub;

  test.beforeAll(async () => {
    hub = await LocalHub.start({
      pageTokenScopes: ['servers!user', 'access:servers']
    });
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test.afterEach(async ({ context }) => {
    await closeTabsAndRemoveServers(context, hub);
  });

  test('lists and starts servers with no token pasted', async ({
    page,
    context
  }) => {
    // A server demo already has, to be listed.
    const listed = await hub.startServer({ name: 'Started elsewhere' });
    await Promise.all([
      hub.waitForStatus(listed, 'running'),
      loginToHub(page, hub)
    ]);

    // The sidebar uses the hub login and needs nothing.
    const panel = await openSidebar(page);
    const connection = panel.locator('.jp-nfdi-connection');
    await expect(connection.locator('.jp-nfdi-status')).toHaveText(
      `Signed in as ${DEMO_USER}.`,
      { timeout: LONG }
    );
    await expect(connection.locator('.jp-nfdi-token-source')).toHaveText(
      "Using this JupyterLab's hub login (no token needed)."
    );
    await expect(connection.locator('.jp-nfdi-scopes')).toHaveCount(0);
    // The paste field stays available.
    await expect(connection.locator('input.jp-nfdi-token-input')).toBeVisible();

    // It lists demo's server.
    const listedRow = serverRow(page, listed);
    await expect(listedRow.locator('.jp-nfdi-server-title')).toHaveText(
      'Started elsewhere',
      { timeout: LONG }
    );
    await expect(listedRow.locator('.jp-nfdi-badge')).toHaveText('running', {
      timeout: LONG
    });

    // A tile starts a server, and its tab lands in it.
    const tab = await clickOpeningTab(context, () =>
      nfdiTile(page, 'Minimal Notebook').click()
    );
    let started = '';
    await expect
      .poll(
        async () => {
          const names = Object.keys(await hub.servers());
          started = names.find(name => name !== listed) ?? '';
          return started;
        },
        { timeout: LONG, message: 'the tile started a second server' }
      )
      .not.toBe('');
    await tab.waitForURL(
      url => url.href.startsWith(`${hub.url}user/${DEMO_USER}/${started}/lab`),
      { timeout: LONG }
    );
    await expect(
      toast(page, 'Minimal Notebook is running. It opened in a new tab.')
    ).toBeVisible({ timeout: LONG });
    await waitForLab(tab);

    // The sidebar lists it as running too.
    const row = serverRow(page, started);
    await expect(row.locator('.jp-nfdi-badge')).toHaveText('running', {
      timeout: LONG
    });
    expect((await hub.servers())[started]).toMatchObject({
      ready: true,
      user_options: {
        custom: { customimage: 'jupyter/minimal-notebook:latest' }
      }
    });

    // The hub login was used, not saved: demo's settings still hold no token.
    expect((await savedSettings(hub)).token ?? '').toBe('');
  });
});

test.describe('A hub that grants the page login nothing more', () => {
  let hub: LocalHub;

  test.beforeAll(async () => {
    hub = await LocalHub.start();
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test.afterEach(async ({ context }) => {
    await closeTabsAndRemoveServers(context, hub);
  });

  test('says which actions and scopes are missing, and links the token page', async ({
    page
  }) => {
    await loginToHub(page, hub);
    const panel = await openSidebar(page);
    const connection = panel.locator('.jp-nfdi-connection');

    await expect(connection.locator('.jp-nfdi-status')).toHaveText(
      'No API token set. Get one on the hub, then paste it below.',
      { timeout: LONG }
    );
    await expect(connection.locator('.jp-nfdi-token-source')).toHaveCount(0);

    // What the hub login cannot do, action by action, with the scopes.
    const scopes = connection.locator('.jp-nfdi-scopes');
    await expect(scopes.locator('.jp-nfdi-scopes-title')).toHaveText(
      "This JupyterLab's hub login cannot:",
      { timeout: LONG }
    );
    const action = (name: string) =>
      scopes.locator(`li.jp-nfdi-scopes-action[data-action="${name}"]`);
    await expect(action('list')).toHaveText(
      'see your servers (needs read:servers)'
    );
    await expect(action('start')).toHaveText('start servers (needs servers)');
    await expect(action('stop')).toHaveText('stop servers (needs servers)');
    await expect(action('delete')).toHaveText(
      'delete servers (needs delete:servers)'
    );
    await expect(action('access')).toContainText('needs access:servers');
    await expect(scopes.locator('.jp-nfdi-scopes-next')).toContainText(
      'Missing scopes: read:servers, servers, delete:servers, access:servers.'
    );

    // Where to get a token, and where to paste it.
    const link = connection.getByRole('link', {
      name: 'Get an API token on the hub',
      exact: true
    });
    await expect(link).toHaveAttribute('href', `${hub.url}hub/token`);
    await expect(link).toHaveAttribute('target', '_blank');
    const input = connection.locator('input.jp-nfdi-token-input');
    await expect(input).toBeVisible();

    // A pasted token is then used, and it lacks nothing.
    await input.fill(hub.token);
    await connection
      .getByRole('button', { name: 'Save token', exact: true })
      .click();
    await expect(connection.locator('.jp-nfdi-status')).toHaveText(
      `Signed in as ${DEMO_USER}.`,
      { timeout: LONG }
    );
    await expect(connection.locator('.jp-nfdi-token-source')).toHaveText(
      'Using the API token from the settings.'
    );
    await expect(scopes).toHaveCount(0);
  });
});
