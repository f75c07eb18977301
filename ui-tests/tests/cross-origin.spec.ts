/**
 * A JupyterLab that does not run under the hub (the standalone server of
 * the Galata set-up) starting servers on a local hub at another origin.
 *
 * Two local hubs: one that allows the standalone JupyterLab's origin
 * (`--cors-origin`), one that does not. The hub URL and token are set
 * through the settings registry; launches are real clicks.
 *
 * Plain Playwright pages, not Galata's fixture: Galata mocks some of
 * JupyterLab's requests with `page.route`, and on a page with routes
 * Playwright answers every CORS preflight itself with "allowed", so a hub
 * without CORS would look as if it allowed the request (the browser then
 * sends the POST, and the hub starts a server nobody hears about).
 */
import { APIRequestContext, Page } from '@playwright/test';

import { expect, test } from './helpers/test';
import {
  clickOpeningTab,
  closeTabsAndRemoveServers,
  launcher,
  LONG,
  nfdiTile,
  openSidebar,
  setNFDISettings,
  toast,
  waitForLab
} from './helpers/lab';
import { DEMO_USER, LocalHub, PLUGIN_ID } from './helpers/localhub';

let corsHub: LocalHub;
let plainHub: LocalHub;

test.beforeAll(async ({}, testInfo) => {
  // The standalone JupyterLab's origin (the config's baseURL).
  const labOrigin = new URL(testInfo.project.use.baseURL as string).origin;
  [corsHub, plainHub] = await Promise.all([
    LocalHub.start({ corsOrigin: labOrigin }),
    LocalHub.start()
  ]);
});

test.afterAll(async () => {
  await Promise.all([corsHub?.stop(), plainHub?.stop()]);
});

/** Drop the extension's user settings on the standalone server. */
async function resetSettings(request: APIRequestContext): Promise<void> {
  const response = await request.put(`/lab/api/settings/${PLUGIN_ID}`, {
    data: { raw: '{}' }
  });
  expect(response.ok()).toBe(true);
}

test.beforeEach(async ({ request }) => {
  await resetSettings(request);
});

test.afterEach(async ({ context, request }) => {
  await closeTabsAndRemoveServers(context, corsHub, plainHub);
  await resetSettings(request);
});

/** Open the standalone JupyterLab (fresh workspace) and point it at `hub`. */
async function openLab(page: Page, hub: LocalHub): Promise<void> {
  await page.goto('/lab?reset');
  await waitForLab(page);
  await expect(launcher(page)).toBeVisible({ timeout: LONG });
  await setNFDISettings(page, { hubUrl: hub.url, token: hub.token });
}

test('a hub that allows this origin: the tile opens the new server on the hub', async ({
  page,
  context
}) => {
  await openLab(page, corsHub);
  expect(new URL(page.url()).origin).not.toBe(corsHub.origin);

  // The sidebar talks to the hub across origins.
  const panel = await openSidebar(page);
  await expect(panel.locator('.jp-nfdi-hub-url')).toHaveText(corsHub.url);
  await expect(panel.locator('.jp-nfdi-connection .jp-nfdi-status')).toHaveText(
    'Signed in as demo.',
    { timeout: LONG }
  );

  const tab = await clickOpeningTab(context, () =>
    nfdiTile(page, 'Minimal Notebook').click()
  );

  // The hub starts it, with the preset's image.
  const server = await corsHub.onlyServer();
  expect(server.user_options).toMatchObject({
    custom: { customimage: 'jupyter/minimal-notebook:latest' },
    name: 'Minimal Notebook'
  });
  const serverPath = `/user/${DEMO_USER}/${server.name}/`;

  // The tab goes to the server on the hub's origin. This browser has not
  // logged in to the hub, so the hub asks for a login on the way.
  await tab.waitForURL(
    url =>
      url.origin === corsHub.origin &&
      (url.pathname.startsWith(serverPath) || url.pathname === '/hub/login'),
    { timeout: LONG }
  );
  // The toast closes by itself 8 s after the tab lands: look at it first.
  await expect(
    toast(page, 'Minimal Notebook is running. It opened in a new tab.')
  ).toBeVisible({ timeout: LONG });
  const landed = new URL(tab.url());
  if (landed.pathname === '/hub/login') {
    // next= is the hub's OAuth step for that server (which redirects to it).
    expect(decodeURIComponent(landed.searchParams.get('next') ?? '')).toContain(
      `redirect_uri=${serverPath}oauth_callback`
    );
    await tab.locator('#username_input').fill(DEMO_USER);
    await tab.locator('#password_input').fill(corsHub.password);
    await tab.locator('#login_submit').click();
  }
  await tab.waitForURL(
    url => url.href.startsWith(`${corsHub.origin}${serverPath}lab`),
    { timeout: LONG }
  );
  await waitForLab(tab);
  expect((await corsHub.servers())[server.name].ready).toBe(true);
});

test('a hub that does not allow this origin: a CORS block, no tab left [F27]', async ({
  page,
  context
}) => {
  await openLab(page, plainHub);
  const labOrigin = new URL(page.url()).origin;

  // The sidebar cannot reach the hub and names the likely cause.
  const panel = await openSidebar(page);
  const status = panel.locator('.jp-nfdi-connection .jp-nfdi-status');
  await expect(status).toContainText('The hub could not be reached.', {
    timeout: LONG
  });
  await expect(status).toContainText('cross-origin (CORS)');
  await expect(status).toContainText(labOrigin);

  const tab = await clickOpeningTab(context, () =>
    nfdiTile(page, 'Minimal Notebook').click()
  );
  const note = toast(page, 'Could not start Minimal Notebook');
  await expect(note).toBeVisible({ timeout: LONG });
  // Said within the first 140 characters, all a notification shows.
  await expect(note).toContainText(
    'The browser blocked the request to the hub (CORS)'
  );
  // Nothing left the browser: no server is said to be running, and trying
  // again is safe.
  await expect(note).not.toContainText('may be running');
  await expect(note.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect.poll(() => tab.isClosed(), { timeout: 15000 }).toBe(true);
  expect(context.pages()).toEqual([page]);

  // The browser never sent the start: the hub has no server.
  expect(await plainHub.servers()).toEqual({});
});
