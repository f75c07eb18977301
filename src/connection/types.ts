/**
 * The hub connection's contract: the settings in use and a client built
 * from them.
 */
import { ISignal } from '@lumino/signaling';

import type { IHubClient, IUserOptions } from '../hub';
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
  /** Whether an API token is set. */
  readonly hasToken: boolean;
  /** The options every start begins from: the API's defaults and the settings'. */
  readonly defaultOptions: IUserOptions;
  /**
   * A client for the hub in use, or `null` if the settings are unusable
   * (see `configError`).
   */
  readonly client: IHubClient | null;
  /** Why no client could be built, for the user. */
  readonly configError: string | null;
  /** The server this JupyterLab is, when the hub in use spawned it. */
  readonly currentServer: IHubServer | null;
  /** Emitted when settings change (and with them `client`). */
  readonly changed: ISignal<IHubConnection, void>;
  /** Save a new API token into the settings. */
  setToken(token: string): Promise<void>;
}
