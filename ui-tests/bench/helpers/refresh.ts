/**
 * The sidebar's renders on a refresh (the list's Refresh button), read from
 * the `nfdi:sidebar-render` measures the extension leaves in the page:
 *
 * - a refresh that finds nothing changed (it should draw nothing);
 * - a refresh that finds one configuration gone, and one that finds it back
 *   (each should draw the list once, and only the rows that changed).
 */
import { expect, Page } from '@playwright/test';

import { LONG, sidebar } from '../../tests/helpers/lab';
import { DEMO_USER, LocalHub } from '../../tests/helpers/localhub';
import { sleep } from './figures';
import { measures } from './shipped';

const RENDER = 'nfdi:sidebar-render';

/** What the refreshes of one page load drew. */
export interface IRefreshRenders {
  /** Renders after a refresh that found nothing changed. */
  unchanged: number;
  /** The duration of each render after a refresh that found a change. */
  changed: number[];
}

/**
 * Refresh the open sidebar of `page`, whose list shows the configurations
 * `names`, three times: nothing changed, the last one removed on the hub,
 * and that one back (a status request for an unknown name makes an empty
 * configuration on the local hub, as on the real one).
 */
export async function timeRefreshes(
  page: Page,
  hub: LocalHub,
  names: string[]
): Promise<IRefreshRenders> {
  const rows = sidebar(page).locator('li.jp-nfdi-server');
  const last = names[names.length - 1];

  const unchanged = await newRenders(page, async () => {
    await refresh(page);
    // Whatever a refresh draws, it draws right after its answer came.
    await sleep(500);
  });
  await hub.request('DELETE', `/users/${DEMO_USER}/servers/${last}`, {
    remove: true
  });
  const removed = await newRenders(page, async () => {
    await refresh(page);
    await expect(rows).toHaveCount(names.length - 1, { timeout: LONG });
  });
  await hub.request('GET', `/start/${DEMO_USER}/${last}`);
  const added = await newRenders(page, async () => {
    await refresh(page);
    await expect(rows).toHaveCount(names.length, { timeout: LONG });
  });
  return {
    unchanged: unchanged.length,
    changed: [...removed, ...added]
  };
}

/** Click the list's Refresh button and wait for the list's answer. */
async function refresh(page: Page): Promise<void> {
  const listed = page.waitForResponse(
    response =>
      response.request().method() === 'GET' &&
      /\/hub\/api\/(user|users\/[^/]+)$/.test(new URL(response.url()).pathname),
    { timeout: LONG }
  );
  await sidebar(page).locator('.jp-nfdi-refresh').click();
  await listed;
}

/** The durations of the sidebar renders that happen during `action`. */
async function newRenders(
  page: Page,
  action: () => Promise<void>
): Promise<number[]> {
  const before = (await measures(page, RENDER)).length;
  await action();
  return (await measures(page, RENDER))
    .slice(before)
    .map(entry => entry.duration);
}
