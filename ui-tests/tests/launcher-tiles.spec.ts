/**
 * The NFDI launcher tiles follow the `launchers` setting while JupyterLab
 * runs. No hub needed: the standalone JupyterLab of the Galata set-up, with
 * Galata's in-memory settings (nothing is stored on the server).
 */
import { expect, test } from './helpers/galata';
import { nfdiTile, nfdiTileLabels, setNFDISettings } from './helpers/lab';
import { PLUGIN_ID } from './helpers/localhub';

const DEFAULT_TILES = ['Minimal Notebook', 'Binder requirements example'];

test('launcher tiles follow a change of the presets without a reload', async ({
  page
}) => {
  expect(await nfdiTileLabels(page)).toEqual(DEFAULT_TILES);
  await expect(nfdiTile(page, 'Minimal Notebook')).toHaveAttribute(
    'title',
    'Start a server from the jupyter/minimal-notebook image'
  );

  // A marker a reload would lose.
  await page.evaluate(() => {
    (window as any).__nfdiNoReload = true;
  });

  // Keep the first preset, drop the second, add one.
  const presets = await page.evaluate(async id => {
    const app = (window as any).jupyterapp;
    const registry = app.pluginRegistry._plugins.get(
      '@jupyterlab/apputils-extension:settings'
    ).service;
    return (await registry.load(id)).get('launchers').composite;
  }, PLUGIN_ID);
  expect(presets.map((p: { title: string }) => p.title)).toEqual(DEFAULT_TILES);
  await setNFDISettings(page, {
    launchers: [
      presets[0],
      {
        title: 'Tile Test',
        caption: 'A tile added by a test',
        options: {
          option: 'custom',
          custom: { customimage: 'local/slow:1' },
          name: 'Tile Test'
        }
      }
    ]
  });

  await expect
    .poll(() => nfdiTileLabels(page), { timeout: 15000 })
    .toEqual(['Minimal Notebook', 'Tile Test']);
  await expect(nfdiTile(page, 'Tile Test')).toHaveAttribute(
    'title',
    'A tile added by a test'
  );
  await expect(nfdiTile(page, 'Binder requirements example')).toHaveCount(0);

  // Back to the defaults.
  await setNFDISettings(page, { launchers: undefined });
  await expect
    .poll(() => nfdiTileLabels(page), { timeout: 15000 })
    .toEqual(DEFAULT_TILES);

  // All of it without a reload.
  expect(await page.evaluate(() => (window as any).__nfdiNoReload)).toBe(true);
});
