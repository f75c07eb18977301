/**
 * The local hub's fault switches (hub/README.md, "Faults") and what the
 * browser sent while one was on.
 */
import { expect } from '@playwright/test';

import { LocalHub } from './localhub';
import { IRecordedRequest } from './requestGuard';

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
