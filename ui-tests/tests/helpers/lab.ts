/**
 * Browser helpers for JupyterLabs the local hub serves (plain Playwright
 * pages, not Galata's fixture, which targets the standalone server).
 */
import { BrowserContext, expect, Locator, Page } from '@playwright/test';

import { DEMO_USER, LocalHub, PLUGIN_ID } from './localhub';

/** Generous: two shared cores, JupyterLab start-ups of 5 to 20 s. */
export const LONG = 90 * 1000;

/**
 * Wait until the JupyterLab in `page` is usable: `window.jupyterapp` exists,
 * its layout is restored and the splash screen is gone.
 *
 * Polls in the page, so it survives the reload a second JupyterLab on the
 * same origin does when it finds the workspace in use
 * (`/lab/workspaces/auto-N?reset`).
 */
export async function waitForLab(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const app = (window as any).jupyterapp;
      if (!app) {
        return false;
      }
      if (!app.__nfdiTestRestored) {
        void app.restored.then(() => {
          app.__nfdiTestRestored = true;
        });
        return false;
      }
      return !document.getElementById('jupyterlab-splash');
    },
    null,
    { timeout: LONG, polling: 250 }
  );
}

/**
 * Log in as demo on the hub's login page and land in demo's default server
 * (started by the hub if needed), with a fresh workspace and the Launcher.
 */
export async function loginToHub(page: Page, hub: LocalHub): Promise<void> {
  const lab = `${hub.url}user/${DEMO_USER}/lab`;
  await page.goto(`${hub.url}hub/login`);
  await page.locator('#username_input').fill(DEMO_USER);
  await page.locator('#password_input').fill(hub.password);
  await page.locator('#login_submit').click();
  // The hub starts demo's default server (if it does not run) and sends the
  // browser to its JupyterLab. Earlier tests' layouts (sidebar, dialogs) are
  // saved in the server's workspace: as soon as the JupyterLab answers, go
  // to a fresh one instead of loading that one first.
  await page.waitForURL(url => url.href.startsWith(lab), {
    timeout: LONG,
    waitUntil: 'commit'
  });
  await page.goto(`${lab}?reset`);
  await waitForLab(page);
  await expect(launcher(page)).toBeVisible({ timeout: LONG });
}

/** The visible Launcher (hidden Launcher tabs stay in the DOM). */
export function launcher(page: Page): Locator {
  return page.locator('.jp-Launcher:visible');
}

/** A launcher tile of the NFDI section, by its label. */
export function nfdiTile(page: Page, label: string): Locator {
  return launcher(page)
    .locator('.jp-Launcher-section', {
      has: page.locator('.jp-Launcher-sectionTitle', { hasText: /^NFDI$/ })
    })
    .locator('.jp-LauncherCard', {
      has: page.locator('.jp-LauncherCard-label', {
        hasText: new RegExp(`^${escapeRegExp(label)}$`)
      })
    });
}

/** The labels of the NFDI launcher tiles, in order. */
export async function nfdiTileLabels(page: Page): Promise<string[]> {
  return launcher(page)
    .locator('.jp-Launcher-section', {
      has: page.locator('.jp-Launcher-sectionTitle', { hasText: /^NFDI$/ })
    })
    .locator('.jp-LauncherCard-label')
    .allInnerTexts()
    .then(labels => labels.map(label => label.trim()));
}

/** The NFDI sidebar panel. */
export function sidebar(page: Page): Locator {
  return page.locator('#jp-nfdi-sidebar');
}

/** Show the NFDI sidebar by clicking its tab (if it is not shown yet). */
export async function openSidebar(page: Page): Promise<Locator> {
  const panel = sidebar(page);
  if (!(await panel.isVisible())) {
    await page.locator('.jp-SideBar [data-id="jp-nfdi-sidebar"]').click();
  }
  await expect(panel).toBeVisible({ timeout: LONG });
  return panel;
}

/** The sidebar's row of a server. */
export function serverRow(page: Page, name: string): Locator {
  return sidebar(page).locator(`li.jp-nfdi-server[data-server-name="${name}"]`);
}

/** A toast notification containing `text`. */
export function toast(page: Page, text: string | RegExp): Locator {
  return page.locator('.Toastify__toast', { hasText: text });
}

/**
 * Run `click` and return the tab it opens (the launch flow opens one
 * synchronously in the click handler).
 */
export async function clickOpeningTab(
  context: BrowserContext,
  click: () => Promise<void>
): Promise<Page> {
  const [tab] = await Promise.all([
    context.waitForEvent('page', { timeout: 30 * 1000 }),
    click()
  ]);
  return tab;
}

/**
 * Set (or with `undefined`, remove) user settings of the extension through
 * the app's settings registry. Only for setting up state: launches are
 * always real clicks.
 */
export async function setNFDISettings(
  page: Page,
  values: Record<string, unknown>
): Promise<void> {
  await page.evaluate(
    async ({ id, values }) => {
      const app = (window as any).jupyterapp;
      // The settings registry is the service of this plugin (reached the
      // way Galata's getPlugin does; Galata is not in hub-spawned labs).
      const plugin = app.pluginRegistry._plugins.get(
        '@jupyterlab/apputils-extension:settings'
      );
      if (!plugin?.activated || !plugin.service) {
        throw new Error('No settings registry');
      }
      const settings = await plugin.service.load(id);
      for (const [key, value] of Object.entries(values)) {
        if (value === undefined) {
          await settings.remove(key);
        } else {
          await settings.set(key, value);
        }
      }
    },
    { id: PLUGIN_ID, values }
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Fill the sidebar's start form for a custom image and click Start; returns
 * the tab the click opened.
 */
export async function startFromSidebar(
  page: Page,
  context: BrowserContext,
  options: { image: string; name: string }
): Promise<Page> {
  const form = (await openSidebar(page)).locator('form.jp-nfdi-start-form');
  await form.locator('select[name="option"]').selectOption('custom');
  await form.locator('input[name="customimage"]').fill(options.image);
  await form.locator('input[name="name"]').fill(options.name);
  const start = form.getByRole('button', { name: 'Start', exact: true });
  await expect(start).toBeEnabled();
  return clickOpeningTab(context, () => start.click());
}

/** A launcher preset, as in the settings. */
export interface IPreset {
  title: string;
  caption?: string;
  options: Record<string, unknown>;
}

/**
 * Add a launcher preset after those in the settings (set-up through the
 * settings registry).
 */
export async function addPreset(page: Page, preset: IPreset): Promise<void> {
  const current = await page.evaluate(async id => {
    const app = (window as any).jupyterapp;
    const plugin = app.pluginRegistry._plugins.get(
      '@jupyterlab/apputils-extension:settings'
    );
    const settings = await plugin.service.load(id);
    return settings.get('launchers').composite as unknown[];
  }, PLUGIN_ID);
  await setNFDISettings(page, { launchers: [...current, preset] });
}

/**
 * After a test: close its tabs (so no JupyterLab keeps polling a removed
 * server), then remove every server demo has on the hubs.
 */
export async function closeTabsAndRemoveServers(
  context: BrowserContext,
  ...hubs: LocalHub[]
): Promise<void> {
  for (const page of context.pages()) {
    // A page that does not close in time is left to the context's end.
    await Promise.race([
      page.close(),
      new Promise(resolve => setTimeout(resolve, 15 * 1000))
    ]);
  }
  await Promise.all(hubs.map(hub => hub.removeAllServers()));
}

/**
 * Open the Settings Editor from the main menu and select the settings
 * titled `title`; returns their form. (Galata's menu helpers need its
 * fixture, which a hub-spawned JupyterLab does not have.)
 */
export async function openSettingsEditor(
  page: Page,
  title: string
): Promise<Locator> {
  await page
    .locator('.lm-MenuBar-itemLabel', { hasText: /^Settings$/ })
    .click();
  await page
    .locator('.lm-Menu-itemLabel', { hasText: /^Settings Editor$/ })
    .click();
  await page
    .locator('.jp-PluginList-entry', {
      hasText: new RegExp(`^${escapeRegExp(title)}$`)
    })
    .click();
  const form = page.locator('.jp-SettingsPanel .jp-SettingsForm');
  await expect(form).toHaveCount(1, { timeout: LONG });
  return form;
}
