/**
 * The extension's settings, read from the registry into one typed object.
 */
import { ISettingRegistry } from '@jupyterlab/settingregistry';

import { isRecord, IUserOptions, Systems, systemsFromList } from '../hub';

/**
 * A launcher preset: one launcher tile.
 */
export interface ILauncherPreset {
  /** Tile label. */
  title: string;
  /** Tooltip. */
  caption: string;
  /** User options this preset overrides. */
  options: IUserOptions;
}

/**
 * The extension's settings, as the code uses them.
 */
export interface INFDISettings {
  /** The `hubUrl` setting as entered (empty: resolve automatically). */
  hubUrl: string;
  /** The user's API token. */
  token: string;
  /** Options sent with every start. */
  defaultOptions: IUserOptions;
  /** Launcher presets. */
  launchers: ILauncherPreset[];
  /**
   * The systems and flavors to offer when the hub does not list its own
   * (empty: the user types them).
   */
  systems: Systems;
  /** Open a started server in a new browser tab. */
  openInNewTab: boolean;
  /** Seconds to wait for a server to start. */
  startTimeout: number;
  /**
   * Seconds the hub keeps a server started through its start API
   * (0: no limit).
   */
  serverLifetime: number;
  /** Minutes before that end to warn (0: no warning). */
  lifetimeWarning: number;
}

/**
 * Turn the registry's composite into typed settings, dropping malformed
 * entries rather than failing.
 */
export function readSettings(
  composite: ISettingRegistry.ISettings['composite']
): INFDISettings {
  const raw = isRecord(composite) ? composite : {};
  const launchers = Array.isArray(raw.launchers) ? raw.launchers : [];
  const timeout = Number(raw.startTimeout);
  const lifetime = Number(raw.serverLifetime ?? 3600);
  const warning = Number(raw.lifetimeWarning ?? 10);
  return {
    hubUrl: typeof raw.hubUrl === 'string' ? raw.hubUrl.trim() : '',
    token: typeof raw.token === 'string' ? raw.token.trim() : '',
    defaultOptions: isRecord(raw.defaultOptions)
      ? (raw.defaultOptions as IUserOptions)
      : {},
    launchers: launchers
      .filter(isRecord)
      .filter(entry => typeof entry.title === 'string' && entry.title.trim())
      .map(entry => ({
        title: String(entry.title).trim(),
        caption: typeof entry.caption === 'string' ? entry.caption : '',
        options: isRecord(entry.options) ? (entry.options as IUserOptions) : {}
      })),
    systems: systemsFromList(raw.systems),
    openInNewTab: raw.openInNewTab !== false,
    startTimeout: Number.isFinite(timeout) && timeout > 0 ? timeout : 600,
    serverLifetime:
      Number.isFinite(lifetime) && lifetime >= 0 ? Math.floor(lifetime) : 3600,
    lifetimeWarning: Number.isFinite(warning) && warning >= 0 ? warning : 10
  };
}
