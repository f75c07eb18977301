/**
 * The hub connection: follows the settings, decides which token to use and
 * rebuilds the client.
 *
 * Under a hub, this JupyterLab's own hub login (the page's OAuth token) is
 * tried first: if `GET /hub/api/user` shows it may list and start the
 * user's servers, nothing needs to be pasted. The page token is sent only to
 * the hub this JupyterLab runs under, on this page's origin, and is never
 * saved into the settings.
 */
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { TranslationBundle } from '@jupyterlab/translation';
import { ISignal, Signal } from '@lumino/signaling';

import {
  DEFAULT_USER_OPTIONS,
  FetchFunction,
  HubClient,
  HubError,
  IHubClient,
  IServerGrants,
  IUserOptions,
  mergeOptions,
  resolveHubUrl
} from '../hub';
import { DeferredClient } from './deferredClient';
import { INFDISettings, readSettings } from './settings';
import { decideToken, ITokenDecision } from './tokenChoice';
import { IHubConnection, IHubServer, TokenCheck, TokenSource } from './types';

/**
 * Where this JupyterLab is: the hub part of `JupyterFrontEnd.IPaths['urls']`
 * (empty outside a hub), the page's origin and its own token.
 */
export interface IPageLocation {
  urls: {
    readonly hubHost?: string;
    readonly hubPrefix?: string;
    readonly hubUser?: string;
    readonly hubServerName?: string;
  };
  /** The origin of the page JupyterLab runs in. */
  origin: string;
  /**
   * The page's token (`PageConfig.getToken()`): under a hub, the visiting
   * user's OAuth token for this server.
   */
  token?: string;
}

/**
 * The hub connection, backed by the setting registry.
 */
export class HubConnection implements IHubConnection {
  /**
   * @param fetch - the fetch the clients use (default: the browser's)
   */
  constructor(
    settings: ISettingRegistry.ISettings,
    page: IPageLocation,
    trans: TranslationBundle,
    fetch?: FetchFunction
  ) {
    this._settingsObject = settings;
    this._page = page;
    this._trans = trans;
    this._fetch = fetch;
    this._update();
    settings.changed.connect(this._onSettingsChanged, this);
  }

  get settings(): INFDISettings {
    return this._settings;
  }

  get hubUrl(): string {
    return this._hubUrl;
  }

  get hasToken(): boolean {
    // While the token is decided, requests wait for it (see DeferredClient).
    return this._tokenSource !== null || this._pageLogin?.state === 'checking';
  }

  get tokenSource(): TokenSource | null {
    return this._tokenSource;
  }

  get grants(): IServerGrants | null {
    return this._grants;
  }

  get pageLogin(): TokenCheck | null {
    return this._pageLogin;
  }

  get ready(): Promise<void> {
    return this._ready;
  }

  get defaultOptions(): IUserOptions {
    return this._defaultOptions;
  }

  get client(): IHubClient | null {
    return this._client;
  }

  get configError(): string | null {
    return this._configError;
  }

  get currentServer(): IHubServer | null {
    return this._currentServer;
  }

  get changed(): ISignal<IHubConnection, void> {
    return this._changed;
  }

  async setToken(token: string): Promise<void> {
    await this._settingsObject.set('token', token.trim());
  }

  /** Stop following the settings. */
  dispose(): void {
    this._generation += 1;
    this._settingsObject.changed.disconnect(this._onSettingsChanged, this);
    Signal.clearData(this);
  }

  private _onSettingsChanged(): void {
    this._update();
    this._changed.emit();
  }

  private _update(): void {
    const { urls, origin } = this._page;
    this._settings = readSettings(this._settingsObject.composite);
    this._defaultOptions = mergeOptions(
      DEFAULT_USER_OPTIONS,
      this._settings.defaultOptions
    );
    this._configError = null;
    this._currentServer = null;
    try {
      this._hubUrl = resolveHubUrl(this._settings.hubUrl, urls, origin);
      // This JupyterLab is one of the user's servers on the hub in use.
      if (
        urls.hubUser &&
        urls.hubPrefix &&
        resolveHubUrl('', urls, origin) === this._hubUrl
      ) {
        this._currentServer = {
          user: urls.hubUser,
          server: urls.hubServerName ?? ''
        };
      }
      const pageToken = this._pageToken();
      const fingerprint = JSON.stringify([
        this._hubUrl,
        this._settings.token,
        this._defaultOptions,
        pageToken
      ]);
      // Keep the clients (and what was learnt with them) when only other
      // settings changed, e.g. the launcher presets.
      if (this._settingsClient && fingerprint === this._fingerprint) {
        return;
      }
      this._generation += 1;
      this._settingsClient = this._makeClient(this._settings.token);
      this._pageClient = pageToken ? this._makeClient(pageToken) : null;
      this._fingerprint = fingerprint;
    } catch (error) {
      this._generation += 1;
      this._hubUrl = this._settings.hubUrl;
      this._settingsClient = null;
      this._pageClient = null;
      this._fingerprint = '';
      this._configError =
        error instanceof HubError
          ? error.message
          : this._trans.__(
              'The hub URL "%1" is not usable. Type the hub\'s address in the settings, e.g. https://hub.nfdi-jupyter.de or localhost:8000.',
              this._settings.hubUrl
            );
    }
    this._settingsCheck = null;
    this._pageLogin = null;
    const page = this._pageClient;
    const settings = this._settingsClient;
    if (!page || !settings) {
      this._use(this._settings.token && settings ? 'settings' : null);
      this._client = settings;
      this._ready = Promise.resolve();
      return;
    }
    // Nothing waits for the decision but what needs the token: until it is
    // made, the client's requests wait for it (see DeferredClient).
    const generation = this._generation;
    const decision = decideToken(page, settings, this._settings.token !== '');
    this._pageLogin = { state: 'checking' };
    this._use(null);
    this._client = new DeferredClient(
      settings,
      decision.then(d => (d.source === 'page' ? page : settings))
    );
    this._ready = decision.then(d => this._decided(generation, d));
  }

  /**
   * The page's token, if it may be sent to the hub in use: this JupyterLab
   * runs under that hub, and the hub is on this page's origin.
   */
  private _pageToken(): string {
    const token = (this._page.token ?? '').trim();
    if (!token || !this._currentServer) {
      return '';
    }
    return new URL(this._hubUrl).origin === this._page.origin ? token : '';
  }

  private _makeClient(token: string): HubClient {
    return new HubClient({
      hubUrl: this._hubUrl,
      token,
      defaultOptions: this._defaultOptions,
      pageOrigin: this._page.origin,
      fetch: this._fetch,
      trans: this._trans
    });
  }

  /** Use the token decided on, unless the settings changed meanwhile. */
  private _decided(generation: number, decision: ITokenDecision): void {
    if (generation !== this._generation) {
      return;
    }
    this._pageLogin = decision.page;
    this._settingsCheck = decision.settings;
    // The client stays: once decided it sends every request straight through
    // the client decided on, so the views and launches holding it need not
    // start over (and the list is not asked twice).
    this._use(decision.source);
    this._changed.emit();
  }

  /** The token source in use, and what its check found it may do. */
  private _use(source: TokenSource | null): void {
    this._tokenSource = source;
    const check = source === 'page' ? this._pageLogin : this._settingsCheck;
    this._grants =
      source !== null && check?.state === 'ok' ? check.grants : null;
  }

  private readonly _settingsObject: ISettingRegistry.ISettings;
  private readonly _page: IPageLocation;
  private readonly _trans: TranslationBundle;
  private readonly _fetch: FetchFunction | undefined;
  private readonly _changed = new Signal<IHubConnection, void>(this);
  private _settings!: INFDISettings;
  private _defaultOptions: IUserOptions = DEFAULT_USER_OPTIONS;
  private _hubUrl = '';
  private _client: IHubClient | null = null;
  private _settingsClient: IHubClient | null = null;
  private _pageClient: IHubClient | null = null;
  private _tokenSource: TokenSource | null = null;
  private _grants: IServerGrants | null = null;
  private _pageLogin: TokenCheck | null = null;
  private _settingsCheck: TokenCheck | null = null;
  private _ready: Promise<void> = Promise.resolve();
  private _configError: string | null = null;
  private _currentServer: IHubServer | null = null;
  private _fingerprint = '';
  private _generation = 0;
}
