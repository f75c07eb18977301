import { IJupyterLabPageFixture, JupyterLabPage } from '@jupyterlab/galata';
import type { APIRequestContext, Locator } from '@playwright/test';

import { expect, test } from './helpers/galata';

/** The extension's npm name: the folder JupyterLab serves it from. */
const EXTENSION = 'jupyterlab-nfdi-launcher';
/** The settings (and hub connection) plugin. */
const PLUGIN_ID = 'jupyterlab-nfdi-launcher:plugin';
/** The schema title, shown in the Settings Editor's list and form. */
const SETTINGS_TITLE = 'NFDI Launcher';
/** The server's settings API for the plugin. */
const SETTINGS_API = `/lab/api/settings/${PLUGIN_ID}`;

/**
 * Open the Settings Editor through the menu, select the extension's entry in
 * the plugin list and return its form.
 */
async function openNFDISettings(
  page: IJupyterLabPageFixture
): Promise<Locator> {
  await page.menu.clickMenuItem('Settings>Settings Editor');
  const entry = page.locator('.jp-PluginList-entry', {
    has: page.locator('.jp-PluginList-entry-label-text', {
      hasText: new RegExp(`^${SETTINGS_TITLE}$`)
    })
  });
  await expect(entry).toHaveCount(1);
  await expect(entry).toHaveAttribute('data-id', PLUGIN_ID);
  await entry.click();
  await expect(entry).toHaveClass(/jp-mod-selected/);

  const form = page.locator('.jp-SettingsPanel .jp-SettingsForm');
  await expect(form).toHaveCount(1);
  await expect(
    form.getByRole('heading', { level: 2, name: SETTINGS_TITLE, exact: true })
  ).toBeVisible();
  return form;
}

/** The input next to a field label (an `h3`) in a settings form. */
function fieldInput(form: Locator, label: string): Locator {
  return form
    .getByRole('heading', { level: 3, name: label, exact: true })
    .locator('xpath=..')
    .locator('input');
}

/** The user settings the server stores for the plugin (parsed `raw`). */
async function savedUserSettings(
  request: APIRequestContext
): Promise<Record<string, unknown>> {
  const response = await request.get(SETTINGS_API);
  expect(response.ok()).toBe(true);
  const { raw } = await response.json();
  return raw ? JSON.parse(raw) : {};
}

/** Drop every user setting of the plugin on the server. */
async function resetUserSettings(request: APIRequestContext): Promise<void> {
  const response = await request.put(SETTINGS_API, {
    data: { raw: '{}' }
  });
  expect(response.ok()).toBe(true);
  expect(await savedUserSettings(request)).toEqual({});
}

test.describe('NFDI Launcher in JupyterLab', () => {
  test('the extension is installed and its plugin activated', async ({
    page,
    request
  }) => {
    // JupyterLab found the prebuilt extension and loads it.
    const federated: { name: string }[] = await page.evaluate(() => {
      const data = document.getElementById('jupyter-config-data');
      return JSON.parse(data?.textContent ?? '{}').federated_extensions ?? [];
    });
    expect(federated.map(extension => extension.name)).toContain(EXTENSION);

    // Its settings plugin is registered and activated.
    const state = await page.evaluate(id => {
      const app = window.jupyterapp;
      return {
        registered: app.hasPlugin(id),
        activated: app.isPluginActivated(id),
        plugins: app.listPlugins().filter(plugin => plugin.startsWith(id))
      };
    }, PLUGIN_ID);
    expect(state).toEqual({
      registered: true,
      activated: true,
      plugins: [PLUGIN_ID]
    });

    // The server serves the plugin's settings schema.
    const response = await request.get(SETTINGS_API);
    expect(response.ok()).toBe(true);
    const { schema } = await response.json();
    expect(schema.title).toBe(SETTINGS_TITLE);
  });

  test('its settings show in the Settings Editor', async ({ page }) => {
    const form = await openNFDISettings(page);

    // The fields, with their defaults (Galata mocks the user settings as
    // empty, so the form shows the schema defaults).
    await expect(fieldInput(form, 'Hub URL')).toBeVisible();
    await expect(fieldInput(form, 'Hub URL')).toHaveValue('');
    await expect(fieldInput(form, 'Hub URL')).toHaveAttribute('type', 'text');

    // The token has its own field: masked, with a toggle to show it.
    const token = form.getByLabel('API token', { exact: true });
    await expect(token).toBeVisible();
    await expect(token).toHaveValue('');
    await expect(token).toHaveAttribute('type', 'password');

    const presets = form.locator('legend', {
      hasText: /^Launcher presets$/
    });
    await expect(presets).toHaveCount(1);
    await expect(presets).toBeVisible();

    const newTab = form.getByRole('checkbox', {
      name: 'Open in a new browser tab',
      exact: true
    });
    await expect(newTab).toBeVisible();
    await expect(newTab).toBeChecked();

    const timeout = fieldInput(form, 'Start timeout (seconds)');
    await expect(timeout).toBeVisible();
    await expect(timeout).toHaveAttribute('type', 'number');
    await expect(timeout).toHaveValue('600');
  });
});

test.describe('NFDI Launcher settings are saved', () => {
  // Use the server's real settings API (Galata mocks it by default) and load
  // JupyterLab only once the stored settings are reset.
  test.use({ mockSettings: false, autoGoto: false });

  test.afterEach(async ({ request }) => {
    await resetUserSettings(request);
  });

  test('a value changed in the form is stored and shown after a reload', async ({
    page,
    request
  }) => {
    await resetUserSettings(request);
    await page.goto();

    // Unique per run, so a value left over from another run cannot pass.
    const hubUrl = `https://hub-${Date.now()}.example.org`;

    let form = await openNFDISettings(page);
    await expect(fieldInput(form, 'Hub URL')).toHaveValue('');
    await fieldInput(form, 'Hub URL').fill(hubUrl);
    await form
      .getByRole('checkbox', { name: 'Open in a new browser tab' })
      .uncheck();
    await fieldInput(form, 'Start timeout (seconds)').fill('1200');

    // Stored on the server, with the right types (the form editor stores
    // the other fields' current values along with them)...
    await expect
      .poll(() => savedUserSettings(request), { timeout: 15000 })
      .toMatchObject({ hubUrl, openInNewTab: false, startTimeout: 1200 });

    // ...and in the app's settings registry (once the save has come back).
    const inApp = () =>
      page.evaluate(async id => {
        const registry = await window.galata.getPlugin(
          '@jupyterlab/apputils-extension:settings'
        );
        if (!registry) {
          throw new Error('No settings registry');
        }
        const settings = await registry.load(id);
        return {
          hubUrl: settings.get('hubUrl').composite,
          openInNewTab: settings.get('openInNewTab').composite,
          startTimeout: settings.get('startTimeout').composite
        };
      }, PLUGIN_ID);
    await expect
      .poll(inApp, { timeout: 15000 })
      .toEqual({ hubUrl, openInNewTab: false, startTimeout: 1200 });

    // A fresh JupyterLab shows the stored values. The workspace restores the
    // Settings Editor as the active tab, so do not wait for Galata's usual
    // "Launcher is active" condition; wait for the restored layout instead.
    // (The fixture's type lacks `waitForIsReady`; its reload is
    // JupyterLabPage.reload, which has it.)
    await (page as unknown as JupyterLabPage).reload({ waitForIsReady: false });
    await page.locator('#jupyterlab-splash').waitFor({ state: 'detached' });
    await page.evaluate(() => window.jupyterapp.restored);
    form = await openNFDISettings(page);
    await expect(fieldInput(form, 'Hub URL')).toHaveValue(hubUrl);
    await expect(
      form.getByRole('checkbox', { name: 'Open in a new browser tab' })
    ).not.toBeChecked();
    await expect(fieldInput(form, 'Start timeout (seconds)')).toHaveValue(
      '1200'
    );
  });
});
