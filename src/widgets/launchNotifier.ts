/**
 * Tells the user what every launch does: a notification from the start to
 * the end (with Cancel while it starts), progress on the waiting tab, the
 * tab sent to the server or closed, and the next step when it fails.
 */
import { Notification } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import type { IHubConnection } from '../connection/types';
import { isHubError } from '../hub';
import { LaunchError } from '../launch/errors';
import { ILaunch, ILaunches, IStartArgs } from '../launch/types';
import { showLogs } from './logsDialog';
import { notify, NOTIFICATION_LENGTH } from './notify';

/**
 * What the notifier needs from its surroundings.
 */
export interface ILaunchNotifierOptions {
  launches: ILaunches;
  hub: IHubConnection;
  trans: TranslationBundle;
  /** Open a URL in a new tab, from a click. */
  openUrl: (url: string) => void;
  /** Show the user's servers (the sidebar). */
  showServers: () => void;
  /** Start again, from a click (opens a new tab). */
  retry: (args: IStartArgs) => void;
}

/**
 * Shows the launches to the user.
 */
export class LaunchNotifier {
  constructor(options: ILaunchNotifierOptions) {
    this._options = options;
    this._trans = options.trans;
    options.launches.changed.connect(this._onChanged, this);
  }

  /** Tell the user why a start was refused before anything was sent. */
  refused(error: LaunchError): void {
    const actions = isHubError(error.hubError, 'auth')
      ? [this._tokenPageAction()]
      : [];
    notify(error.message, 'error', { actions }, this._trans);
  }

  private _onChanged(_: ILaunches, launch: ILaunch): void {
    this._update(launch);
  }

  private _onProgress(launch: ILaunch): void {
    this._update(launch);
  }

  /** Show where a launch is, or how it ended. */
  private _update(launch: ILaunch): void {
    if (launch.isDone) {
      if (this._notes.has(launch)) {
        launch.progressChanged.disconnect(this._onProgress, this);
        this._finish(launch);
      }
      return;
    }
    const message = this._progressMessage(launch);
    const detail = this._progressDetail(launch);
    launch.tab?.show(message, detail);
    const id = this._notes.get(launch);
    const options = { actions: [this._cancelAction(launch)] };
    if (id === undefined) {
      launch.progressChanged.connect(this._onProgress, this);
      this._notes.set(
        launch,
        Notification.emit(message, 'in-progress', {
          ...options,
          autoClose: false
        })
      );
    } else {
      Notification.manager.update({
        id,
        message: detail ? shorten(`${message} ${detail}`) : message,
        type: 'in-progress',
        ...options
      });
    }
  }

  private _finish(launch: ILaunch): void {
    const trans = this._trans;
    const id = this._notes.get(launch);
    this._notes.delete(launch);
    // Replace the progress notification rather than update it: JupyterLab
    // drops an update that comes before the toast is on screen (a start the
    // hub refuses at once), which left "Starting…" and a dead Cancel shown.
    if (id !== undefined && Notification.manager.has(id)) {
      Notification.dismiss(id);
    }
    const settle = (
      message: string,
      type: Notification.TypeOptions,
      actions: Notification.IAction[],
      autoClose: number | false
    ) => notify(message, type, { actions, autoClose }, trans);

    const tab = launch.tab;
    if (launch.phase === 'running') {
      const nextUrl = launch.result.nextUrl as string;
      const landed = !!tab && !tab.closed;
      if (landed) {
        tab.navigate(nextUrl);
      }
      const open: Notification.IAction = {
        label: trans.__('Open'),
        caption: trans.__('Open %1 in a new browser tab', launch.label),
        displayType: 'accent',
        callback: () => this._options.openUrl(nextUrl)
      };
      settle(
        landed
          ? trans.__('%1 is running. It opened in a new tab.', launch.label)
          : trans.__('%1 is running.', launch.label),
        'success',
        [open],
        landed ? 8000 : false
      );
      return;
    }
    tab?.close();
    const error = launch.error;
    if (launch.phase === 'cancelled') {
      settle(
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
    } else if (launch.phase === 'timeout') {
      const minutes =
        Math.round((this._options.hub.settings.startTimeout / 60) * 10) / 10;
      settle(
        trans.__(
          '%1 did not start within %2 minutes. It may still be starting on the hub: see the NFDI sidebar, or stop it.',
          launch.label,
          minutes
        ),
        'warning',
        [this._showServersAction(), this._stopAction(launch)],
        false
      );
    } else if (error?.reason === 'stopped') {
      settle(
        error.exitCode === null
          ? trans.__('%1 stopped while starting.', launch.label)
          : trans.__(
              '%1 stopped while starting (exit code %2).',
              launch.label,
              error.exitCode
            ),
        'error',
        [this._logsAction(launch, error)],
        false
      );
    } else {
      settle(
        trans.__(
          'Could not start %1: %2',
          launch.label,
          error?.message ?? trans.__('unknown error')
        ),
        'error',
        this._failureActions(launch, error),
        false
      );
    }
  }

  private _failureActions(
    launch: ILaunch,
    error: LaunchError | null
  ): Notification.IAction[] {
    const hubError = error?.hubError;
    if (isHubError(hubError, 'auth')) {
      return [this._tokenPageAction()];
    }
    if (isHubError(hubError, 'limit')) {
      return [this._showServersAction()];
    }
    if (launch.result.deleteUrl) {
      return [this._showServersAction()];
    }
    const transient =
      isHubError(hubError, 'network') ||
      isHubError(hubError, 'hub') ||
      isHubError(hubError, 'rate-limited');
    if (!transient) {
      return [];
    }
    // Nothing was started: trying again cannot make a second server.
    // The click on the action opens the new tab, as a tile click does.
    return [
      {
        label: this._trans.__('Try again'),
        caption: this._trans.__('Start %1 again', launch.label),
        displayType: 'accent',
        callback: () => this._options.retry(launch.args)
      }
    ];
  }

  private _progressMessage(launch: ILaunch): string {
    return launch.phase === 'pending'
      ? this._trans.__(
          '%1 is starting on %2 (pending)…',
          launch.label,
          launch.hubHost
        )
      : this._trans.__('Starting %1 on %2…', launch.label, launch.hubHost);
  }

  /** What the hub last said about the start, e.g. "40%: Pulling image". */
  private _progressDetail(launch: ILaunch): string {
    const progress = launch.progress;
    if (!progress) {
      return '';
    }
    if (progress.progress === null) {
      return progress.message;
    }
    const percent = Math.round(progress.progress);
    return progress.message
      ? this._trans.__('%1%: %2', percent, progress.message)
      : this._trans.__('%1%', percent);
  }

  private _cancelAction(launch: ILaunch): Notification.IAction {
    return {
      label: this._trans.__('Cancel'),
      caption: this._trans.__(
        'Stop starting %1 and stop it on the hub',
        launch.label
      ),
      displayType: 'default',
      callback: () => void launch.cancel()
    };
  }

  private _stopAction(launch: ILaunch): Notification.IAction {
    const trans = this._trans;
    return {
      label: trans.__('Stop it'),
      caption: trans.__('Stop %1 on the hub', launch.label),
      callback: () => {
        launch.stop().then(
          () =>
            Notification.info(trans.__('Stopped %1.', launch.label), {
              autoClose: 5000
            }),
          (reason: Error) =>
            notify(
              trans.__('Could not stop %1: %2', launch.label, reason.message),
              'error',
              {},
              trans
            )
        );
      }
    };
  }

  private _logsAction(
    launch: ILaunch,
    error: LaunchError
  ): Notification.IAction {
    return {
      label: this._trans.__('Show logs'),
      caption: this._trans.__('Show the last log lines of %1', launch.label),
      displayType: 'accent',
      callback: () =>
        void showLogs(launch.label, error.exitCode, error.logs, this._trans)
    };
  }

  private _tokenPageAction(): Notification.IAction {
    return {
      label: this._trans.__('Get a token'),
      caption: this._trans.__("Open the hub's token page in a new tab"),
      displayType: 'accent',
      callback: () => {
        const url = this._options.hub.client?.tokenPageUrl;
        if (url) {
          this._options.openUrl(url);
        }
      }
    };
  }

  private _showServersAction(): Notification.IAction {
    return {
      label: this._trans.__('Show servers'),
      caption: this._trans.__('Show your servers in the NFDI sidebar'),
      displayType: 'accent',
      callback: () => this._options.showServers()
    };
  }

  private readonly _options: ILaunchNotifierOptions;
  private readonly _trans: TranslationBundle;
  private readonly _notes = new Map<ILaunch, string>();
}

/** Cut a text to what a notification shows. */
function shorten(text: string): string {
  return text.length > NOTIFICATION_LENGTH
    ? `${text.slice(0, NOTIFICATION_LENGTH - 1)}…`
    : text;
}
