/**
 * Which token to use: this JupyterLab's hub login or the settings' API
 * token, from what the hub says each may do.
 */
import {
  allows,
  canManageServers,
  grantCount,
  HubError,
  IHubClient,
  serverGrants
} from '../hub';
import { TokenCheck, TokenSource } from './types';

/**
 * Ask the hub who a client's token belongs to and what it may do.
 * Never rejects.
 */
export async function checkToken(client: IHubClient): Promise<TokenCheck> {
  try {
    const user = await client.whoami();
    return { state: 'ok', grants: serverGrants(user.name, user.scopes) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return error instanceof HubError && error.kind === 'auth'
      ? { state: 'refused', message }
      : { state: 'failed', message };
  }
}

/**
 * The token to use.
 *
 * 1. The hub login, when it may list and start servers.
 * 2. Else the settings' token, if there is one, unless the hub login does
 *    more: it may at least list servers and the settings' token is refused
 *    or may do fewer actions.
 * 3. Without a settings token: the hub login if it may at least list
 *    servers (the connection section says what it cannot do), else none.
 *
 * @param page - the check of the hub login (`null`: it may not be used)
 * @param settings - the check of the settings' token (`null`: not checked)
 * @param hasSettingsToken - whether the settings hold a token
 */
export function chooseToken(
  page: TokenCheck | null,
  settings: TokenCheck | null,
  hasSettingsToken: boolean
): TokenSource | null {
  const login = page?.state === 'ok' ? page.grants : null;
  if (login && canManageServers(login)) {
    return 'page';
  }
  const loginLists = login !== null && allows(login, 'list');
  if (!hasSettingsToken) {
    return loginLists ? 'page' : null;
  }
  if (loginLists) {
    if (settings?.state === 'refused') {
      return 'page';
    }
    if (
      settings?.state === 'ok' &&
      grantCount(settings.grants) < grantCount(login)
    ) {
      return 'page';
    }
  }
  return 'settings';
}

/**
 * What deciding the token found: the checks made and the token to use.
 */
export interface ITokenDecision {
  /** The check of this JupyterLab's hub login. */
  page: TokenCheck;
  /** The check of the settings' token, if it was needed. */
  settings: TokenCheck | null;
  source: TokenSource | null;
}

/**
 * Check the hub login (and, if it is not enough, the settings' token), then
 * choose. Never rejects.
 */
export async function decideToken(
  pageClient: IHubClient,
  settingsClient: IHubClient,
  hasSettingsToken: boolean
): Promise<ITokenDecision> {
  const page = await checkToken(pageClient);
  const loginIsEnough = page.state === 'ok' && canManageServers(page.grants);
  const settings =
    hasSettingsToken && !loginIsEnough
      ? await checkToken(settingsClient)
      : null;
  return {
    page,
    settings,
    source: chooseToken(page, settings, hasSettingsToken)
  };
}
