/**
 * The local hub's fault switches (hub/README.md, "Faults") and what the
 * browser sent while one was on.
 */
import { BrowserContext, expect, Page } from '@playwright/test';

import { IRequestGuard } from './guardFixture';
import { loginToHub, LONG, startFromSidebar } from './lab';
import { DEMO_USER, LocalHub } from './localhub';
import { IRecordedRequest } from './requestGuard';

/** An image that starts JupyterLab at once. */
export const IMAGE = 'jupyter/minimal-notebook:latest';

/**
 * Switch the hub's faults to exactly `faults` (`{}`: all off), e.g.
 * `{ 'start-5xx': 502 }`, `{ 'status-403': true }`.
 */
export async function setFaults(
  hub: LocalHub,
  faults: Record<string, unknown>
): Promise<void> {
  const url = `${hub.api}/nfdi-local/faults`;
  const { status, data } = await hub.request('PUT', url, faults);
  expect(status, `PUT faults: ${JSON.stringify(data)}`).toBe(200);
  // The hub answers the set now on.
  expect(Object.keys(data).sort()).toEqual(Object.keys(faults).sort());
}

/** The start requests (`POST …hub/api/start`) among `requests`. */
export function startRequests(
  requests: IRecordedRequest[]
): IRecordedRequest[] {
  return requests.filter(
    request =>
      request.method === 'POST' &&
      new URL(request.url).pathname.endsWith('/hub/api/start')
  );
}

/** The requests whose path names `user` (`/user/<user>/`, `/<user>/` in the API). */
export function requestsForUser(
  requests: IRecordedRequest[],
  user: string
): IRecordedRequest[] {
  return requests.filter(request => {
    const path = new URL(request.url).pathname;
    return (
      path.includes(`/user/${user}/`) ||
      path.includes(`/users/${user}`) ||
      path.includes(`/hub/api/start/${user}/`)
    );
  });
}

/**
 * Wait until `tab` is at demo's server `name`'s JupyterLab (not until that
 * JupyterLab has loaded: the notification saying so closes 8 s after).
 */
export async function landsIn(
  tab: Page,
  hub: LocalHub,
  name: string
): Promise<void> {
  const serverLab = `${hub.url}user/${DEMO_USER}/${name}/lab`;
  await tab.waitForURL(url => url.href.startsWith(serverLab), {
    timeout: LONG,
    waitUntil: 'commit'
  });
}

/** Wait until the tab a failed launch opened is closed again. */
export async function tabCloses(
  tab: Page,
  context: BrowserContext
): Promise<void> {
  await expect.poll(() => tab.isClosed(), { timeout: LONG }).toBe(true);
  expect(context.pages().filter(page => !page.isClosed())).toHaveLength(1);
}

/**
 * Log in, switch the hub's faults to `faults`, then start `image` named
 * `label` from the sidebar's form; returns the tab the click opened.
 */
export async function startWithFaults(
  page: Page,
  context: BrowserContext,
  hub: LocalHub,
  faults: Record<string, unknown>,
  label: string,
  image = IMAGE
): Promise<Page> {
  await loginToHub(page, hub);
  await setFaults(hub, faults);
  return startFromSidebar(page, context, { image, name: label });
}

/** The browser sent `starts` start requests and demo has only server `name`. */
export async function expectOnly(
  hub: LocalHub,
  guard: IRequestGuard,
  name: string,
  starts: number
): Promise<void> {
  expect(startRequests(await guard.requests())).toHaveLength(starts);
  expect(Object.keys(await hub.servers())).toEqual([name]);
}
