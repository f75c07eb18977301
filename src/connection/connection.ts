/**
 * The hub connection: follows the settings and rebuilds the client.
 */
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { TranslationBundle } from '@jupyterlab/translation';
import { ISignal, Signal } from '@lumino/signaling';

import {
  DEFAULT_USER_OPTIONS,
  HubClient,
  HubError,
  IHubClient,
  IUserOptions,
  mergeOptions,
  resolveHubUrl
} from '../hub';
import { INFDISettings, readSettings } from './settings';
import { IHubConnection, IHubServer } from './types';

/**
 * Where this JupyterLab is: the hub part of `JupyterFrontEnd.IPaths['urls']`
 * (empty outside a hub) and the page's origin.
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
}

/**
 * The hub connection, backed by the setting registry.
 */
export class HubConnection implements IHubConnection {
  constructor(
    settings: ISettingRegistry.ISettings,
    page: IPageLocation,
    trans: TranslationBundle
  ) {
    this._settingsObject = settings;
    this._page = page;
    this._trans = trans;
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
    return this._settings.token !== '';
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
    this._settingsObject.changed.disconnect(this._onSettingsChanged, this);
    Signal.clearData(this);
  }

  private _onSettingsChanged(): void {
    this._update();
    this._changed.emit();
  }

  private _update(): void {
    const previous = this._client;
    const { urls, origin } = this._page;
    this._settings = readSettings(this._settingsObject.composite);
    this._defaultOptions = mergeOptions(
      DEFAULT_USER_OPTIONS,
      this._settings.defaultOptions
    );
    this._client = null;
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
      const fingerprint = JSON.stringify([
        this._hubUrl,
        this._settings.token,
        this._defaultOptions
      ]);
      // Keep the client (and what was learnt with it) when only other
      // settings changed, e.g. the launcher presets.
      this._client =
        previous && fingerprint === this._fingerprint
          ? previous
          : new HubClient({
              hubUrl: this._hubUrl,
              token: this._settings.token,
              defaultOptions: this._defaultOptions,
              pageOrigin: origin,
              trans: this._trans
            });
      this._fingerprint = fingerprint;
    } catch (error) {
      this._hubUrl = this._settings.hubUrl;
      this._configError =
        error instanceof HubError
          ? error.message
          : this._trans.__(
              'The hub URL "%1" is not a valid http(s) URL. Fix it in the settings.',
              this._settings.hubUrl
            );
    }
  }

  private readonly _settingsObject: ISettingRegistry.ISettings;
  private readonly _page: IPageLocation;
  private readonly _trans: TranslationBundle;
  private readonly _changed = new Signal<IHubConnection, void>(this);
  private _settings!: INFDISettings;
  private _defaultOptions: IUserOptions = DEFAULT_USER_OPTIONS;
  private _hubUrl = '';
  private _client: IHubClient | null = null;
  private _configError: string | null = null;
  private _currentServer: IHubServer | null = null;
  private _fingerprint = '';
}
