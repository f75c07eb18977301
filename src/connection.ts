/**
 * The hub connection: follows the settings and rebuilds the client.
 */
import { PageConfig } from '@jupyterlab/coreutils';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { TranslationBundle } from '@jupyterlab/translation';
import { ISignal, Signal } from '@lumino/signaling';

import { HubClient, HubError, resolveHubUrl } from './hub';
import { INFDISettings, readSettings } from './settings';
import { INFDIHub } from './tokens';

/**
 * The `INFDIHub` implementation, backed by the setting registry.
 */
export class HubConnection implements INFDIHub {
  constructor(settings: ISettingRegistry.ISettings, trans: TranslationBundle) {
    this._settingsObject = settings;
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

  get client(): HubClient | null {
    return this._client;
  }

  get configError(): string | null {
    return this._configError;
  }

  get currentServer(): { user: string; server: string } | null {
    return this._currentServer;
  }

  get changed(): ISignal<INFDIHub, void> {
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
    this._settings = readSettings(this._settingsObject.composite);
    this._client = null;
    this._configError = null;
    this._currentServer = null;
    const pageHub = {
      hubHost: PageConfig.getOption('hubHost'),
      hubPrefix: PageConfig.getOption('hubPrefix')
    };
    try {
      this._hubUrl = resolveHubUrl(
        this._settings.hubUrl,
        pageHub,
        window.location.origin
      );
      const user = PageConfig.getOption('hubUser');
      if (
        user &&
        pageHub.hubPrefix &&
        resolveHubUrl('', pageHub, window.location.origin) === this._hubUrl
      ) {
        this._currentServer = {
          user,
          server: PageConfig.getOption('hubServerName')
        };
      }
      const fingerprint = JSON.stringify([
        this._hubUrl,
        this._settings.token,
        this._settings.defaultOptions
      ]);
      // Keep the client (and what was learnt with it) when only other
      // settings changed, e.g. the launcher presets.
      this._client =
        previous && fingerprint === this._fingerprint
          ? previous
          : new HubClient({
              hubUrl: this._hubUrl,
              token: this._settings.token,
              defaultOptions: this._settings.defaultOptions,
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
  private readonly _trans: TranslationBundle;
  private readonly _changed = new Signal<INFDIHub, void>(this);
  private _settings!: INFDISettings;
  private _hubUrl = '';
  private _client: HubClient | null = null;
  private _configError: string | null = null;
  private _currentServer: { user: string; server: string } | null = null;
  private _fingerprint = '';
}
