/**
 * Tells the user what every launch does: a notification from the start to
 * the end (with Cancel while it starts), progress on the waiting tab, the
 * tab sent to the server or closed, and the next step when it fails.
 */
import { Notification } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { isHubError } from '../hub';
import { LaunchError } from '../launch/errors';
import {
  ILaunch,
  ILaunches,
  ILaunchResult,
  IStartArgs,
  IStartOptions
} from '../launch/types';
import { ILaunchActionsOptions, LaunchActions } from './launchActions';
import {
  failureMessage,
  progressDetail,
  progressMessage,
  runningMessage,
  shortReason
} from './launchMessages';
import { notify, shorten } from './notify';

/**
 * What the notifier needs from its surroundings.
 */
export interface ILaunchNotifierOptions extends ILaunchActionsOptions {
  launches: ILaunches;
}

/**
 * Shows the launches to the user.
 */
export class LaunchNotifier {
  constructor(options: ILaunchNotifierOptions) {
    this._options = options;
    this._trans = options.trans;
    this._actions = new LaunchActions(options);
    options.launches.changed.connect(this._onChanged, this);
  }

  /**
   * Start from the user's click or key press: `openTab` opens the waiting
   * tab before this returns (right after the start request left); a start
   * refused before anything was sent is told here, everything after by the
   * launch's notification.
   */
  start(args: IStartArgs, options: IStartOptions = {}): Promise<ILaunchResult> {
    const done = this._options.launches.start(args, options);
    done.catch(error => {
      if (error instanceof LaunchError && error.reason === 'refused') {
        const actions = isHubError(error.hubError, 'auth')
          ? [this._actions.tokenPage()]
          : isHubError(error.hubError, 'limit')
            ? [this._actions.showServers()]
            : [];
        notify(error.message, 'error', { actions }, this._trans);
      }
    });
    return done;
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
      this._stopCountdown(launch);
      if (this._followed.delete(launch)) {
        launch.progressChanged.disconnect(this._onProgress, this);
        this._finish(launch);
      }
      return;
    }
    if (!this._followed.has(launch)) {
      this._followed.add(launch);
      launch.progressChanged.connect(this._onProgress, this);
    }
    if (launch.reuse === 'running') {
      return; // It opens at once: nothing to wait for.
    }
    if (launch.retryAt === null) {
      this._stopCountdown(launch);
    } else if (!this._countdowns.has(launch)) {
      // The hub is busy: count down to the next try, second by second.
      this._countdowns.set(
        launch,
        setInterval(() => this._update(launch), 1000)
      );
    }
    const message = progressMessage(launch, this._trans);
    const detail = progressDetail(launch, this._trans);
    launch.tab?.show(message, detail);
    const id = this._notes.get(launch);
    const options = { actions: [this._actions.cancel(launch)] };
    if (id === undefined) {
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

  private _stopCountdown(launch: ILaunch): void {
    clearInterval(this._countdowns.get(launch));
    this._countdowns.delete(launch);
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
        runningMessage(launch, landed, trans),
        'success',
        [open],
        landed ? 8000 : false
      );
      return;
    }
    tab?.close();
    const error = launch.error;
    if (launch.phase === 'cancelled') {
      const failed = error?.hubError;
      notify(
        failed
          ? trans.__(
              'Cancelled starting %1, but stopping it on the hub failed: %2',
              launch.label,
              shortReason(failed, trans)
            )
          : trans.__('Cancelled starting %1.', launch.label),
        failed ? 'warning' : 'info',
        { autoClose: failed ? false : 5000, details: failed?.message },
        trans
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
        [this._actions.showServers(), this._actions.stop(launch)],
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
        [this._actions.logs(launch, error)],
        false
      );
    } else {
      notify(
        failureMessage(launch, trans),
        'error',
        {
          actions: this._actions.forFailure(launch),
          autoClose: false,
          details: error?.hubError?.message ?? error?.message
        },
        trans
      );
    }
  }

  private readonly _options: ILaunchNotifierOptions;
  private readonly _trans: TranslationBundle;
  private readonly _actions: LaunchActions;
  /** The launches told about, until they end. */
  private readonly _followed = new Set<ILaunch>();
  /** Their progress notifications. */
  private readonly _notes = new Map<ILaunch, string>();
  /** The countdowns to the next try of starts the hub was busy for. */
  private readonly _countdowns = new Map<
    ILaunch,
    ReturnType<typeof setInterval>
  >();
}
