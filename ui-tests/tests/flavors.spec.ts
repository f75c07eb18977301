/**
 * Flavors from the hub and launch links, in a JupyterLab the local hub
 * serves.
 *
 * One local hub for the file: `--preset-token` (demo's JupyterLab has the
 * demo token) and `--flavor-max JSC-Cloud/l2=1`, so one running l2 server
 * fills that flavor.
 */
import { Page } from '@playwright/test';

import { expect, test } from './helpers/test';
import {
  closeTabsAndRemoveServers,
  LONG,
  loginToHub,
  openSidebar,
  toast
} from './helpers/lab';
import { LocalHub } from './helpers/localhub';

let hub: LocalHub;

test.beforeAll(async () => {
  hub = await LocalHub.start({
    presetToken: true,
    flavorMax: { 'JSC-Cloud/l2': 1 }
  });
});

test.afterAll(async () => {
  await hub?.stop();
});

test.afterEach(async ({ context }) => {
  await closeTabsAndRemoveServers(context, hub);
});

/** What `GET /hub/api/outpostflavors` says of a flavor. */
async function hubFlavor(
  system: string,
  flavor: string
): Promise<Record<string, any>> {
  const { status, data } = await hub.request('GET', '/outpostflavors');
  expect(status).toBe(200);
  return data[system][flavor];
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

test('a full flavor is disabled with its reason, the others show usage [F29]', async ({
  page
}) => {
  // One l2 server on JSC-Cloud, started through the REST API, fills l2.
  const name = await hub.startServer({
    option: 'custom',
    custom: { customimage: 'jupyter/minimal-notebook:latest' },
    system: 'JSC-Cloud',
    flavor: 'l2',
    name: 'Fills l2'
  });
  await hub.waitForStatus(name, 'running');
  expect(await hubFlavor('JSC-Cloud', 'l2')).toMatchObject({
    max: 1,
    current: 1
  });

  await loginToHub(page, hub);
  const form = (await openSidebar(page)).locator('form.jp-nfdi-start-form');
  const system = form.locator('select[name="system"]');
  // The choices come from the hub's list.
  await expect(system.locator('option[value="JSC-Cloud"]')).toHaveCount(1, {
    timeout: LONG
  });
  await system.selectOption('JSC-Cloud');
  const flavors = form.getByRole('group', { name: 'Flavor' });

  // l2: disabled, and it says why.
  const l2 = flavors.locator('.jp-nfdi-flavor[data-flavor="l2"]');
  await expect(l2).toHaveClass(/jp-mod-full/);
  await expect(l2.getByRole('radio')).toBeDisabled();
  await expect(l2.locator('.jp-nfdi-flavor-details')).toContainText(
    'full: 1 of 1 in use'
  );

  // The others: enabled, with the hub's description and usage.
  for (const key of ['m1', 'l1']) {
    const info = await hubFlavor('JSC-Cloud', key);
    const choice = flavors.locator(`.jp-nfdi-flavor[data-flavor="${key}"]`);
    await expect(choice.getByRole('radio')).toBeEnabled();
    await expect(choice.locator('.jp-nfdi-flavor-name')).toHaveText(
      info.display_name
    );
    await expect(choice.locator('.jp-nfdi-flavor-description')).toHaveText(
      String(info.description).trim()
    );
    await expect(choice.locator('.jp-nfdi-flavor-details')).toContainText(
      `${info.current} of ${info.max} in use`
    );
  }

  // The chosen flavor is one with room, and the form can start it.
  await expect(
    flavors.locator('.jp-nfdi-flavor.jp-mod-selected')
  ).toHaveAttribute('data-flavor', 'm1');
  await expect(form.getByRole('alert')).toHaveCount(0);
});

test('copying the launch link of a repo2docker preset shows the link', async ({
  page
}) => {
  await loginToHub(page, hub);
  // The default preset "Binder requirements example" (gh, HEAD) over the
  // default options (deNBI-Cloud, m1).
  await runFromPalette(page, 'Copy Launch Link of Binder requirements example');
  const link = `${hub.url}v2/gh/binder-examples/requirements/HEAD?system=deNBI-Cloud&flavor=m1`;
  await expect(toast(page, `Launch link copied: ${link}`)).toBeVisible({
    timeout: LONG
  });
  // The link needs no token, and carries none.
  expect(link).not.toContain('token');
  expect(await hub.servers()).toEqual({});
});
