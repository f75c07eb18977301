/**
 * One launch, timed: from a launcher tile of the extension, or through
 * JupyterHub's own spawn-pending page. Each ends with its tab closed and
 * its server removed: the next launch starts once the hub no longer lists
 * it, so that it is timed on a machine that is not busy stopping a server.
 */
import { BrowserContext, Page } from '@playwright/test';

import { clickOpeningTab, nfdiTile } from '../../tests/helpers/lab';
import { DEMO_USER, LocalHub } from '../../tests/helpers/localhub';
import { clickTimings, IClickTimings, resetClicks } from './clicks';
import { sleep } from './figures';
import { IMoment, NavigationLog, pollUntilRunning } from './landing';

/** A launch takes a few seconds; a 30 s server a little more than 30. */
const LAUNCH_TIMEOUT = 150 * 1000;

/** What one launch from a tile measured. */
export interface ITileLaunch {
  name: string;
  click: IClickTimings;
  /** the tab's navigation to the server */
  navigated: IMoment;
  /** navigated − the hub's first "running" (only when polled) */
  runningToTab: number | null;
}

/**
 * Click the tile `label` in `page` and follow the launch until its tab goes
 * to the server. With `pollStatus`, the bench polls the server's
 * `status_url` to know when the hub says it runs.
 */
export async function launchFromTile(
  page: Page,
  context: BrowserContext,
  hub: LocalHub,
  label: string,
  pollStatus: boolean
): Promise<ITileLaunch> {
  await resetClicks(page);
  const started = page.waitForResponse(
    response =>
      response.request().method() === 'POST' &&
      /\/hub\/api\/start\/?$/.test(new URL(response.url()).pathname),
    { timeout: 60 * 1000 }
  );
  let navigations: NavigationLog | null = null;
  const tab = await clickOpeningTab(context, async () => {
    context.once('page', opened => {
      navigations = new NavigationLog(opened);
    });
    await nfdiTile(page, label).click();
  });
  let name: string | null = null;
  try {
    const answer = await (await started).json();
    name = String(answer.delete_url).split('/').pop() as string;
    const click = await clickTimings(page);
    const running = pollStatus
      ? pollUntilRunning(
          async () =>
            (await hub.request('GET', answer.status_url)).data?.status ===
            'running',
          LAUNCH_TIMEOUT
        )
      : null;
    const navigated = await navigations!.waitFor(
      `${hub.url}user/${DEMO_USER}/${name}/`,
      LAUNCH_TIMEOUT
    );
    const hubSaid = running ? await running : null;
    return {
      name,
      click,
      navigated,
      runningToTab: hubSaid ? navigated.at - hubSaid.at : null
    };
  } finally {
    await tab.close();
    await removeLater(hub, name);
  }
}

/** How long the machine gets to settle after a server is removed. */
const SETTLE_MS = 1000;

/**
 * Remove `name` (or all of demo's servers if the launch did not get as far
 * as a name) and wait until the hub no longer lists it and a moment more:
 * the next launch is timed on a machine that is not still stopping this
 * one's server (2 cores: a stopping server takes most of one).
 */
async function removeLater(hub: LocalHub, name: string | null): Promise<void> {
  if (!name) {
    await hub.removeAllServers();
    return;
  }
  await hub.request('DELETE', `/users/${DEMO_USER}/servers/${name}`, {
    remove: true
  });
  const deadline = performance.now() + 30 * 1000;
  while (performance.now() < deadline) {
    const { data } = await hub.request(
      'GET',
      `/users/${DEMO_USER}?include_stopped_servers`
    );
    if (!data?.servers || !(name in data.servers)) {
      break;
    }
    await sleep(250);
  }
  await sleep(SETTLE_MS);
}

/**
 * Start the named server `name` through JupyterHub's REST API, open
 * `hub/spawn-pending/<user>/<name>` as soon as it is pending (the browser
 * is logged in to the hub), and time running → navigation as for a tile.
 */
export async function launchSpawnPending(
  context: BrowserContext,
  hub: LocalHub,
  name: string,
  options: Record<string, unknown>
): Promise<number> {
  const tab = await context.newPage();
  const navigations = new NavigationLog(tab);
  try {
    // JupyterHub answers this POST only once the server runs or 10 s passed.
    const posted = hub.request(
      'POST',
      `/users/${DEMO_USER}/servers/${name}`,
      options
    );
    let opened: Promise<unknown> | null = null;
    const running = await pollUntilRunning(async () => {
      const { data } = await hub.request('GET', `/users/${DEMO_USER}`);
      const server = data?.servers?.[name];
      if (server?.pending === 'spawn' && !opened) {
        opened = tab
          .goto(`${hub.url}hub/spawn-pending/${DEMO_USER}/${name}`)
          .catch(() => undefined);
      }
      return server?.ready === true;
    }, LAUNCH_TIMEOUT);
    const navigated = await navigations.waitFor(
      `${hub.url}user/${DEMO_USER}/${name}/`,
      LAUNCH_TIMEOUT
    );
    const { status } = await posted;
    if (status !== 201 && status !== 202) {
      throw new Error(`POST users/${DEMO_USER}/servers/${name}: ${status}`);
    }
    if (!opened) {
      throw new Error(`${name} was never seen pending`);
    }
    return navigated.at - running.at;
  } finally {
    await tab.close();
    await removeLater(hub, name);
  }
}
