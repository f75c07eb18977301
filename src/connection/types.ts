/**
 * The hub connection's contract: the settings in use, the token in use and
 * what it may do, and a client built from them.
 */
import { ISignal } from '@lumino/signaling';

import type { IHubClient, IServerGrants, IUserOptions } from '../hub';
import type { INFDISettings } from './settings';

/**
 * Who and where this JupyterLab is on a hub that spawned it.
 */
export interface IHubServer {
  /** The user it runs for. */
  user: string;
  /** Its server name (`''` for the default server). */
  server: string;
}

/**
 * Whose token the client sends.
 *
 * - `page`: this JupyterLab's own hub login (the page's OAuth token), used
 *   only under the hub that spawned it, on its origin, and never saved;
 * - `settings`: the API token from the settings.
 */
export type TokenSource = 'page' | 'settings';

/**
 * What asking the hub about one token (`GET /hub/api/user`) found.
 *
 * - `checking`: the question is under way;
 * - `ok`: the hub knows the token; `grants` says what it may do;
 * - `refused`: the hub does not accept it;
 * - `failed`: no answer (`message` says why, for the user).
 */
export type TokenCheck =
  | { state: 'checking' }
  | { state: 'ok'; grants: IServerGrants }
  | { state: 'refused'; message: string }
  | { state: 'failed'; message: string };

/**
 * The hub connection: current settings and a client built from them.
 */
export interface IHubConnection {
  /** The current settings. */
  readonly settings: INFDISettings;
  /**
   * The hub base URL in use, ending in `/` (from the settings, else the hub
   * this JupyterLab runs under, else Jupyter4NFDI); as entered when invalid.
   */
  readonly hubUrl: string;
  /**
   * Whether a token is in use (`tokenSource` is not `null`), or being
   * decided (then `client`'s requests wait for the decision).
   */
  readonly hasToken: boolean;
  /**
   * Whose token `client` sends: this JupyterLab's hub login, the settings'
   * API token, or none (also while it is being decided).
   */
  readonly tokenSource: TokenSource | null;
  /**
   * What the token in use may do with its owner's servers, once checked
   * (`null` until then). The settings' token is checked here only when it
   * competes with this JupyterLab's hub login; otherwise its scopes come
   * with the user the servers model asks the hub about.
   */
  readonly grants: IServerGrants | null;
  /**
   * This JupyterLab's hub login, when it may be used (it runs under the hub
   * in use, on that hub's origin, and the page has a token): what the hub
   * says it may do. `null` otherwise.
   */
  readonly pageLogin: TokenCheck | null;
  /**
   * Resolves when the token to use is decided (at once unless this
   * JupyterLab's hub login is being checked). Never rejects.
   */
  readonly ready: Promise<void>;
  /** The options every start begins from: the API's defaults and the settings'. */
  readonly defaultOptions: IUserOptions;
  /**
   * A client for the hub in use, or `null` if the settings are unusable
   * (see `configError`). The one way to talk to the hub. While the token is
   * being decided, its requests wait for the decision and send the token
   * decided on; once decided (`changed` is emitted), it is the client of
   * that token, whose requests leave at once.
   */
  readonly client: IHubClient | null;
  /** Why no client could be built, for the user. */
  readonly configError: string | null;
  /** The server this JupyterLab is, when the hub in use spawned it. */
  readonly currentServer: IHubServer | null;
  /**
   * Emitted when the settings change (and with them `client`), and when the
   * token in use or what it may do changes.
   */
  readonly changed: ISignal<IHubConnection, void>;
  /** Save a new API token into the settings. */
  setToken(token: string): Promise<void>;
}
