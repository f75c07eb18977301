/**
 * The launch flow every entry point uses (launcher tile, palette, sidebar,
 * other extensions): open the tab at once, start, follow, land in the
 * server, and tell the user what happens, with the next step when it fails.
 */
import { Dialog, Notification, showDialog } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import {
  HubError,
  isHubError,
  IUserOptions,
  mergeOptions,
  validateOptions
} from '../hub';
import { NOTIFICATION_LENGTH, notify } from '../notify';
import { INFDIHub } from '../tokens';
import { ILaunchResult, Launch, LaunchError } from './launch';
import { LaunchManager } from './manager';
import { BrowserTab, ILaunchTab } from './tab';

/**
 * What `nfdi:start` takes.
 */
export interface IStartArgs {
  /** Title of a launcher preset from the settings. */
  preset?: string;
  /** User options, over the preset's and the defaults. */
  options?: IUserOptions;
}

/**
 * What the flow needs from its surroundings.
 */
export interface ILaunchFlowOptions {
  hub: INFDIHub;
  launches: LaunchManager;
  trans: TranslationBundle;
  /** Open a waiting tab (default: a real browser tab). */
  openTab?: (title: string, message: string) => ILaunchTab | null;
  /** Open a URL in a new tab from a click (default: `window.open`). */
  openUrl?: (url: string) => void;
  /** Show the user's servers (the sidebar), for the limit error. */
  showServers?: () => void;
}

/**
 * Runs launches and keeps the user informed.
 */
export class LaunchFlow {
  constructor(options: ILaunchFlowOptions) {
    this._hub = options.hub;
    this._launches = options.launches;
    this._trans = options.trans;
    this._openTab = options.openTab ?? BrowserTab.open;
    this._openUrl =
      options.openUrl ??
      (url => {
        window.open(url, '_blank', 'noopener');
      });
    this._showServers = options.showServers ?? (() => undefined);
  }

  /**
   * Start a server. Must be called synchronously from the user's click or
   * key press: the tab is opened before anything is awaited.
   *
   * Resolves with the running server; rejects (after telling the user) if
   * it did not start.
   */
  start(args: IStartArgs = {}): Promise<ILaunchResult> {
    const trans = this._trans;
    const hub = this._hub;
    const client = hub.client;
    if (!client) {
      return this._refuse(
        hub.configError ?? trans.__('The hub URL is not set correctly.')
      );
    }
    if (!client.hasToken) {
      return this._refuse(
        trans.__(
          'No API token is set. Create one on the hub and paste it into the NFDI sidebar or settings.'
        ),
        [this._tokenPageAction()]
      );
    }
    let presetOptions: IUserOptions = {};
    let label = '';
    if (args.preset !== undefined) {
      const preset = hub.settings.launchers.find(p => p.title === args.preset);
      if (!preset) {
        return this._refuse(
          trans.__(
            'There is no launcher preset "%1" in the settings.',
            args.preset
          )
        );
      }
      presetOptions = preset.options;
      label = preset.title;
    }
    const overrides = mergeOptions(presetOptions, args.options);
    const merged = mergeOptions(client.defaultOptions, overrides);
    label =
      label ||
      (typeof merged.name === 'string' && merged.name) ||
      trans.__('NFDI server');
    const problems = validateOptions(merged, trans);
    if (problems.length) {
      return this._refuse(
        trans.__(
          'Cannot start %1: %2',
          label,
          problems.map(p => p.message).join(' ')
        )
      );
    }

    const key =
      args.preset !== undefined && args.options === undefined
        ? `preset:${args.preset}`
        : `options:${JSON.stringify(merged)}`;
    const existing = this._launches.find(key);
    if (existing) {
      // Same tile clicked again while it starts: no second server.
      this._tabs.get(existing)?.focus();
      const id = this._notes.get(existing);
      if (id) {
        Notification.manager.update({
          id,
          message: this._progressMessage(existing)
        });
      }
      return existing.done;
    }

    const hubName = new URL(client.baseUrl).host;
    const tab = hub.settings.openInNewTab
      ? this._openTab(
          trans.__('Starting %1…', label),
          trans.__('Starting %1 on %2…', label, hubName)
        )
      : null;

    const { launch } = this._launches.launch(client, {
      key,
      label,
      options: overrides
    });
    if (tab) {
      this._tabs.set(launch, tab);
    }
    this._args.set(launch, args);
    const id = Notification.emit(this._progressMessage(launch), 'in-progress', {
      autoClose: false,
      actions: [this._cancelAction(launch)]
    });
    this._notes.set(launch, id);
    launch.changed.connect(this._onChanged, this);
    launch.progressChanged.connect(this._onProgress, this);
    return launch.done;
  }

  /** Show where a launch in flight is, in its tab and its notification. */
  private _onProgress(launch: Launch): void {
    const message = this._progressMessage(launch);
    const detail = this._progressDetail(launch);
    this._tabs.get(launch)?.show(message, detail);
    const id = this._notes.get(launch);
    if (id) {
      Notification.manager.update({
        id,
        message: detail ? shorten(`${message} ${detail}`) : message,
        type: 'in-progress',
        actions: [this._cancelAction(launch)]
      });
    }
  }

  private _onChanged(launch: Launch): void {
    const trans = this._trans;
    const id = this._notes.get(launch);
    const tab = this._tabs.get(launch);
    if (!launch.isDone) {
      this._onProgress(launch);
      return;
    }
    launch.changed.disconnect(this._onChanged, this);
    launch.progressChanged.disconnect(this._onProgress, this);
    this._tabs.delete(launch);
    this._notes.delete(launch);
    const args = this._args.get(launch) ?? {};
    this._args.delete(launch);

    if (launch.phase === 'running') {
      const nextUrl = launch.result.nextUrl as string;
      const landed = !!tab && !tab.closed;
      if (landed) {
        tab.navigate(nextUrl);
      }
      const message = landed
        ? trans.__('%1 is running. It opened in a new tab.', launch.label)
        : trans.__('%1 is running.', launch.label);
      const open: Notification.IAction = {
        label: trans.__('Open'),
        caption: trans.__('Open %1 in a new browser tab', launch.label),
        displayType: 'accent',
        callback: () => this._openUrl(nextUrl)
      };
      this._settle(id, message, 'success', [open], landed ? 8000 : false);
      return;
    }

    tab?.close();
    const error = launch.error;
    if (launch.phase === 'cancelled') {
      this._settle(
        id,
        error?.hubError
          ? trans.__(
              'Cancelled starting %1, but stopping it on the hub failed: %2',
              launch.label,
              error.hubError.message
            )
          : trans.__('Cancelled starting %1.', launch.label),
        error?.hubError ? 'warning' : 'info',
        [],
        5000
      );
      return;
    }
    if (launch.phase === 'timeout') {
      const minutes =
        Math.round((this._hub.settings.startTimeout / 60) * 10) / 10;
      this._settle(
        id,
        trans.__(
          '%1 did not start within %2 minutes. It may still be starting on the hub: see the NFDI sidebar, or stop it.',
          launch.label,
          minutes
        ),
        'warning',
        [this._showServersAction(), this._stopAction(launch)],
        false
      );
      return;
    }
    this._settle(
      id,
      this._failureMessage(launch, error),
      'error',
      this._failureActions(launch, error, args),
      false
    );
  }

  private _failureMessage(launch: Launch, error: LaunchError | null): string {
    const trans = this._trans;
    if (error?.reason === 'stopped') {
      return error.exitCode === null
        ? trans.__('%1 stopped while starting.', launch.label)
        : trans.__(
            '%1 stopped while starting (exit code %2).',
            launch.label,
            error.exitCode
          );
    }
    return trans.__(
      'Could not start %1: %2',
      launch.label,
      error?.message ?? trans.__('unknown error')
    );
  }

  private _failureActions(
    launch: Launch,
    error: LaunchError | null,
    args: IStartArgs
  ): Notification.IAction[] {
    const trans = this._trans;
    if (error?.reason === 'stopped') {
      return [
        {
          label: trans.__('Show logs'),
          caption: trans.__('Show the last log lines of %1', launch.label),
          displayType: 'accent',
          callback: () => {
            void showLogs(launch.label, error.exitCode, error.logs, trans);
          }
        }
      ];
    }
    const hubError = error?.hubError;
    if (isHubError(hubError, 'auth')) {
      return [this._tokenPageAction()];
    }
    if (isHubError(hubError, 'limit')) {
      return [this._showServersAction()];
    }
    const transient =
      isHubError(hubError, 'network') ||
      isHubError(hubError, 'hub') ||
      isHubError(hubError, 'rate-limited');
    if (transient && !launch.result.deleteUrl) {
      // Nothing was started: trying again cannot make a second server.
      // The click on the action opens the new tab, as a tile click does.
      return [
        {
          label: trans.__('Try again'),
          caption: trans.__('Start %1 again', launch.label),
          displayType: 'accent',
          callback: () => {
            this.start(args).catch(() => undefined);
          }
        }
      ];
    }
    if (launch.result.deleteUrl) {
      return [this._showServersAction()];
    }
    return [];
  }

  private _progressMessage(launch: Launch): string {
    const trans = this._trans;
    const hubName = new URL(this._hub.hubUrl).host;
    return launch.phase === 'pending'
      ? trans.__('%1 is starting on %2 (pending)…', launch.label, hubName)
      : trans.__('Starting %1 on %2…', launch.label, hubName);
  }

  /** What the hub last said about the start, e.g. "40%: Pulling image". */
  private _progressDetail(launch: Launch): string {
    const progress = launch.isDone ? null : launch.progress;
    if (!progress) {
      return '';
    }
    if (progress.progress === null) {
      return progress.message;
    }
    return progress.message
      ? this._trans.__(
          '%1%: %2',
          Math.round(progress.progress),
          progress.message
        )
      : this._trans.__('%1%', Math.round(progress.progress));
  }

  private _cancelAction(launch: Launch): Notification.IAction {
    return {
      label: this._trans.__('Cancel'),
      caption: this._trans.__(
        'Stop starting %1 and stop it on the hub',
        launch.label
      ),
      displayType: 'default',
      callback: () => {
        void launch.cancel();
      }
    };
  }

  private _stopAction(launch: Launch): Notification.IAction {
    const trans = this._trans;
    return {
      label: trans.__('Stop it'),
      caption: trans.__('Stop %1 on the hub', launch.label),
      callback: () => {
        const deleteUrl = launch.result.deleteUrl;
        const client = this._hub.client;
        if (deleteUrl && client) {
          client.stop(deleteUrl).then(
            () =>
              Notification.info(trans.__('Stopped %1.', launch.label), {
                autoClose: 5000
              }),
            (reason: HubError) =>
              notify(
                trans.__('Could not stop %1: %2', launch.label, reason.message),
                'error',
                {},
                trans
              )
          );
        }
      }
    };
  }

  private _tokenPageAction(): Notification.IAction {
    const trans = this._trans;
    return {
      label: trans.__('Get a token'),
      caption: trans.__("Open the hub's token page in a new tab"),
      displayType: 'accent',
      callback: () => {
        const url = this._hub.client?.tokenPageUrl;
        if (url) {
          this._openUrl(url);
        }
      }
    };
  }

  private _showServersAction(): Notification.IAction {
    return {
      label: this._trans.__('Show servers'),
      caption: this._trans.__('Show your servers in the NFDI sidebar'),
      displayType: 'accent',
      callback: () => this._showServers()
    };
  }

  private _settle(
    id: string | undefined,
    message: string,
    type: Notification.TypeOptions,
    actions: Notification.IAction[],
    autoClose: number | false
  ): void {
    // Replace the progress notification rather than update it: JupyterLab
    // drops an update that comes before the toast is on screen (a start the
    // hub refuses at once), which left "Starting…" and a dead Cancel shown.
    if (id && Notification.manager.has(id)) {
      Notification.dismiss(id);
    }
    notify(message, type, { actions, autoClose }, this._trans);
  }

  private _refuse(
    message: string,
    actions: Notification.IAction[] = []
  ): Promise<never> {
    notify(message, 'error', { actions, autoClose: false }, this._trans);
    return Promise.reject(new Error(message));
  }

  private readonly _hub: INFDIHub;
  private readonly _launches: LaunchManager;
  private readonly _trans: TranslationBundle;
  private readonly _openTab: (
    title: string,
    message: string
  ) => ILaunchTab | null;
  private readonly _openUrl: (url: string) => void;
  private readonly _showServers: () => void;
  private readonly _tabs = new Map<Launch, ILaunchTab>();
  private readonly _notes = new Map<Launch, string>();
  private readonly _args = new Map<Launch, IStartArgs>();
}

/** Cut a text to what a notification shows. */
function shorten(text: string): string {
  return text.length > NOTIFICATION_LENGTH
    ? `${text.slice(0, NOTIFICATION_LENGTH - 1)}…`
    : text;
}

/**
 * Show a stopped server's exit code and logs, as text.
 */
export function showLogs(
  label: string,
  exitCode: number | null,
  logs: string[],
  trans: TranslationBundle
): Promise<Dialog.IResult<unknown>> {
  const body = React.createElement(
    'div',
    { className: 'jp-nfdi-logs' },
    React.createElement(
      'p',
      null,
      exitCode === null
        ? trans.__('Exit code unknown.')
        : trans.__('Exit code: %1', exitCode)
    ),
    React.createElement(
      'pre',
      { className: 'jp-nfdi-logs-text' },
      logs.length ? logs.join('\n') : trans.__('The hub sent no log lines.')
    )
  );
  return showDialog({
    title: trans.__('Logs of %1', label),
    body,
    buttons: [Dialog.okButton({ label: trans.__('Close') })]
  });
}
