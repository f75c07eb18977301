/**
 * What a user meets when the hub misbehaves (docs/faults.md): the local
 * hub's fault switches, turned on per test, and real clicks in a JupyterLab
 * the hub serves.
 *
 * One local hub for the file (`--preset-token`: demo's JupyterLab has the
 * demo token). Each test switches the faults it needs; after it, every
 * fault is off and demo's servers are removed.
 */
import { expect, test } from './helpers/test';
import {
  clickOpeningTab,
  closeTabsAndRemoveServers,
  LONG,
  loginToHub,
  openSettingsEditor,
  openSidebar,
  serverRow,
  sidebar,
  startFromSidebar,
  toast
} from './helpers/lab';
import {
  expectOnly,
  landsIn,
  requestsForUser,
  setFaults,
  startRequests,
  startWithFaults,
  tabCloses
} from './helpers/faults';
import { LocalHub } from './helpers/localhub';

/** What a refused answer's message says of the server the hub may have made. */
const MAY_BE_RUNNING =
  /(It may still be starting on the hub|A server may be running on the hub)\./;

let hub: LocalHub;

// A login, a server start and a second JupyterLab per test, on two cores.
test.describe.configure({ timeout: 240 * 1000 });

test.beforeAll(async () => {
  hub = await LocalHub.start({ presetToken: true });
});

test.afterAll(async () => {
  await hub?.stop();
});

test.afterEach(async ({ context }) => {
  await setFaults(hub, {});
  await closeTabsAndRemoveServers(context, hub);
});

test.describe('A failing start request', () => {
  test('a 502 after the hub created the server makes no second one: the launch lands in it [F02]', async ({
    page,
    context,
    requestGuard
  }) => {
    const label = 'After create test';
    const tab = await startWithFaults(
      page,
      context,
      hub,
      { 'start-5xx-after-create': 502 },
      label
    );

    // The launch finds the server the hub made and lands in it.
    const server = await hub.onlyServer();
    await landsIn(tab, hub, server.name);
    await expect(
      toast(
        page,
        `The hub had started ${label} after all. It is running and opened in a new tab.`
      )
    ).toBeVisible({ timeout: LONG });

    // One start request, one server.
    await expectOnly(hub, requestGuard, server.name, 1);
  });

  test('a 502 before anything was made offers "Try again", which starts one server [F02]', async ({
    page,
    context,
    requestGuard
  }) => {
    const label = 'Try again test';
    const tab = await startWithFaults(
      page,
      context,
      hub,
      { 'start-5xx': 502 },
      label
    );

    const note = toast(page, `Could not start ${label}:`);
    await expect(note).toBeVisible({ timeout: LONG });
    await expect(note).toContainText('502');
    await tabCloses(tab, context);
    expect(await hub.servers()).toEqual({});

    // The hub is well again: "Try again" opens a tab that lands.
    await setFaults(hub, {});
    const again = note.getByRole('button', { name: 'Try again', exact: true });
    const retried = await clickOpeningTab(context, () => again.click());
    const server = await hub.onlyServer();
    await landsIn(retried, hub, server.name);
    await expectOnly(hub, requestGuard, server.name, 2);
  });

  test('429 with Retry-After: a countdown, then one more start that goes through [F15]', async ({
    page,
    context,
    requestGuard
  }) => {
    // Long enough to switch the fault off before the launch asks again.
    const label = 'Busy hub test';
    const tab = await startWithFaults(
      page,
      context,
      hub,
      { 'start-retry-after': 10 },
      label
    );

    const countdown = new RegExp(
      `^The hub is busy\\. Trying again in \\d+ s to start ${label}…`
    );
    await expect(toast(page, countdown)).toBeVisible({ timeout: LONG });
    await expect(tab.locator('main #nfdi-status')).toHaveText(countdown);
    expect(startRequests(await requestGuard.requests())).toHaveLength(1);
    await setFaults(hub, {});

    // The second start, after the wait, lands in the one server.
    const server = await hub.onlyServer();
    await landsIn(tab, hub, server.name);
    await expectOnly(hub, requestGuard, server.name, 2);
  });

  test('an answer slower than the client waits: the launch finds the server and makes no second one [F05]', async ({
    page,
    context,
    requestGuard
  }) => {
    // The hub answers after 60 s; the client gives up after 30 s.
    const label = 'Slow answer test';
    const tab = await startWithFaults(
      page,
      context,
      hub,
      { 'start-slow': 60 },
      label
    );

    const server = await hub.onlyServer();
    await landsIn(tab, hub, server.name);
    await expect(
      toast(page, `The hub had started ${label} after all.`)
    ).toBeVisible({ timeout: LONG });
    await expectOnly(hub, requestGuard, server.name, 1);
  });
});

test.describe('Answers that are refused', () => {
  test("a status_url on another user's path is refused before the token goes there [F11]", async ({
    page,
    context,
    requestGuard
  }) => {
    const label = 'Other user test';
    const tab = await startWithFaults(
      page,
      context,
      hub,
      { 'status-url-other-user': true },
      label
    );

    const note = toast(page, MAY_BE_RUNNING).filter({ hasText: label });
    await expect(note).toBeVisible({ timeout: LONG });
    await tabCloses(tab, context);

    // The server the hub made is in the list, a click away.
    const server = await hub.onlyServer();
    await note
      .getByRole('button', { name: 'Show servers', exact: true })
      .click();
    await expect(sidebar(page)).toBeVisible();
    await expect(serverRow(page, server.name)).toBeVisible({ timeout: LONG });

    // Nothing was sent to the other user's paths.
    expect(requestsForUser(await requestGuard.requests(), 'other')).toEqual([]);
  });

  test("a next_url to the hub's logout is refused: the tab never goes there [F12]", async ({
    page,
    context,
    requestGuard
  }) => {
    const label = 'Logout test';
    const tab = await startWithFaults(
      page,
      context,
      hub,
      { 'next-url-logout': true },
      label
    );

    const note = toast(page, MAY_BE_RUNNING).filter({ hasText: label });
    await expect(note).toBeVisible({ timeout: LONG });
    await expect(
      note.getByRole('button', { name: 'Show servers', exact: true })
    ).toBeVisible();
    await tabCloses(tab, context);

    // No page went to the logout, and demo is still logged in.
    const logouts = (await requestGuard.requests()).filter(request =>
      new URL(request.url).pathname.endsWith('/hub/logout')
    );
    expect(logouts).toEqual([]);
    await hub.onlyServer();
    await openSidebar(page);
    await expect(sidebar(page).locator('.jp-nfdi-status')).toHaveText(
      'Signed in as demo.',
      { timeout: LONG }
    );
  });

  test('403 while following: "Get a token", "Show servers", and "Stop it", which stops the server [F06]', async ({
    page,
    context
  }) => {
    const label = 'Revoked token test';
    const tab = await startWithFaults(
      page,
      context,
      hub,
      { 'status-403': true },
      label
    );

    const note = toast(
      page,
      `${label} may still be starting, but the hub no longer accepts the API token.`
    );
    await expect(note).toBeVisible({ timeout: LONG });
    for (const action of ['Get a token', 'Show servers', 'Stop it']) {
      await expect(
        note.getByRole('button', { name: action, exact: true })
      ).toBeVisible();
    }
    await tabCloses(tab, context);

    const server = await hub.onlyServer();
    await note.getByRole('button', { name: 'Stop it', exact: true }).click();
    await expect(toast(page, `Stopped ${label}.`)).toBeVisible({
      timeout: LONG
    });
    await expect
      .poll(
        async () => {
          const model = (await hub.servers())[server.name];
          return model && { ready: model.ready, pending: model.pending };
        },
        { timeout: LONG }
      )
      .toEqual({ ready: false, pending: null });
  });
});

test.describe('What the user is shown', () => {
  test('markup and the token in logs are shown as text, the token redacted [F13] [F14]', async ({
    page,
    context
  }) => {
    const label = 'Markup test';
    const tab = await startWithFaults(
      page,
      context,
      hub,
      { 'logs-markup': true },
      label,
      'local/failing:1'
    );

    const note = toast(page, `${label} stopped while starting`);
    await expect(note).toBeVisible({ timeout: LONG });
    await tabCloses(tab, context);
    await note.getByRole('button', { name: 'Show logs', exact: true }).click();
    const dialog = page.locator('.jp-Dialog');
    const logs = dialog.locator('pre.jp-nfdi-logs-text');
    await expect(logs).toContainText('Error: server exited with code 3');
    await expect(logs).toContainText('<img src=x onerror=');
    await expect(logs).toContainText('Authorization: token ');

    // Text, never markup; the token nowhere on the page.
    await expect(dialog.locator('img')).toHaveCount(0);
    expect(await page.title()).not.toContain('pwned');
    expect(await dialog.innerText()).not.toContain(hub.token);
    expect(await page.content()).not.toContain(hub.token);
  });

  test('Cancel during a slow start says it deletes the configuration, and does [F21]', async ({
    page,
    context
  }) => {
    await loginToHub(page, hub);
    const label = 'Cancel test';
    const hubHost = new URL(hub.url).host;
    await startFromSidebar(page, context, {
      image: 'local/slow:30',
      name: label
    });
    const note = toast(page, `${label} is starting on ${hubHost} (pending)…`);
    await expect(note).toBeVisible({ timeout: LONG });
    await hub.onlyServer();

    await note.getByRole('button', { name: 'Cancel', exact: true }).click();
    const dialog = page.locator('.jp-Dialog');
    await expect(dialog.locator('.jp-Dialog-header')).toHaveText(
      `Cancel starting ${label}?`
    );
    await expect(dialog).toContainText(
      `Stops ${label} and deletes its configuration.`
    );
    await dialog
      .getByRole('button', { name: 'Cancel start', exact: true })
      .click();

    // No configuration left counting towards the limit.
    await expect
      .poll(async () => Object.keys(await hub.servers()), { timeout: LONG })
      .toEqual([]);
  });

  test('the Settings Editor masks the token, with a show/hide toggle [F25]', async ({
    page
  }) => {
    await loginToHub(page, hub);
    const form = await openSettingsEditor(page, 'NFDI Launcher');
    const field = form.locator('input.jp-nfdi-secret-input');
    await expect(field).toHaveCount(1, { timeout: LONG });

    // Masked, holding the preset token, which is not in the page's markup.
    await expect(field).toHaveAttribute('type', 'password');
    await expect(field).toHaveValue(hub.token);
    expect(await page.content()).not.toContain(hub.token);

    // The toggle shows it, and hides it again.
    const toggle = form.getByRole('button', { name: 'Show token' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(field).toHaveAttribute('type', 'text');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await toggle.click();
    await expect(field).toHaveAttribute('type', 'password');

    // The sidebar never shows it in clear.
    await openSidebar(page);
    expect(await sidebar(page).innerText()).not.toContain(hub.token);
  });
});
