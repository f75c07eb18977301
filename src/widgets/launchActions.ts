/**
 * The actions a launch's notification offers: cancel, stop, logs, the token
 * page, the server list, start again, try again.
 */
import { Dialog, Notification, showDialog } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import type { IHubConnection } from '../connection/types';
import { isHubError } from '../hub';
import { LaunchError } from '../launch/errors';
import { ILaunch, IStartArgs } from '../launch/types';
import { showLogs } from './logsDialog';
import { notify } from './notify';

/**
 * What the actions need from their surroundings.
 */
export interface ILaunchActionsOptions {
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
 * Builds notification actions for launches.
 */
export class LaunchActions {
  constructor(options: ILaunchActionsOptions) {
    this._options = options;
    this._trans = options.trans;
  }

  /** Start the same again (only where nothing was started). */
  tryAgain(launch: ILaunch): Notification.IAction {
    return {
      label: this._trans.__('Try again'),
      caption: this._trans.__('Start %1 again', launch.label),
      displayType: 'accent',
      callback: () => this._options.retry(launch.args)
    };
  }

  /** Start again the stopped configuration the hub would reuse. */
  startAgain(launch: ILaunch): Notification.IAction {
    return {
      label: this._trans.__('Start again'),
      caption: this._trans.__(
        'Start your stopped server %1 again',
        launch.label
      ),
      displayType: 'accent',
      callback: () => this._options.retry(launch.args)
    };
  }

  /** Cancel a launch in flight, once the user confirms what it does. */
  cancel(launch: ILaunch): Notification.IAction {
    const trans = this._trans;
    const deletes = launch.reuse === 'new';
    return {
      label: trans.__('Cancel'),
      caption: deletes
        ? trans.__('Stop starting %1 and delete it on the hub', launch.label)
        : trans.__('Stop starting %1 and stop it on the hub', launch.label),
      displayType: 'default',
      callback: () => void this._confirmCancel(launch)
    };
  }

  /**
   * The actions after a failed start: the token page, the servers, stop,
   * start again or try again, as what happened allows. "Try again" only
   * where nothing can be on the hub: it would not make a second server.
   */
  forFailure(launch: ILaunch): Notification.IAction[] {
    const error = launch.error;
    const hubError = error?.hubError;
    const status = hubError?.status;
    const actions: Notification.IAction[] = [];
    if (isHubError(hubError, 'auth')) {
      actions.push(this.tokenPage(launch));
    }
    if (launch.result.deleteUrl) {
      // The hub accepted it: it may still be starting.
      return [...actions, this.showServers(), this.stop(launch)];
    }
    const leftOnHub = error?.leftOnHub;
    if (leftOnHub === 'stopped') {
      return [...actions, this.startAgain(launch), this.showServers()];
    }
    if (
      leftOnHub === 'unknown' ||
      isHubError(hubError, 'limit') ||
      isHubError(hubError, 'bad-response')
    ) {
      return [...actions, this.showServers()];
    }
    const transient =
      isHubError(hubError, 'network') ||
      isHubError(hubError, 'hub') ||
      isHubError(hubError, 'rate-limited') ||
      status === 408;
    // The click on the action opens the new tab, as a tile click does.
    return transient ? [...actions, this.tryAgain(launch)] : actions;
  }

  /** Stop the server a launch started. */
  stop(launch: ILaunch): Notification.IAction {
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

  /** Show a stopped server's logs. */
  logs(launch: ILaunch, error: LaunchError): Notification.IAction {
    return {
      label: this._trans.__('Show logs'),
      caption: this._trans.__('Show the last log lines of %1', launch.label),
      displayType: 'accent',
      callback: () =>
        void showLogs(launch.label, error.exitCode, error.logs, this._trans)
    };
  }

  /** Open the token page of a launch's hub (default: the hub in use). */
  tokenPage(launch?: ILaunch): Notification.IAction {
    return {
      label: this._trans.__('Get a token'),
      caption: this._trans.__("Open the hub's token page in a new tab"),
      displayType: 'accent',
      callback: () => {
        const url =
          launch?.tokenPageUrl ?? this._options.hub.client?.tokenPageUrl;
        if (url) {
          this._options.openUrl(url);
        }
      }
    };
  }

  /** Show the user's servers. */
  showServers(): Notification.IAction {
    return {
      label: this._trans.__('Show servers'),
      caption: this._trans.__('Show your servers in the NFDI sidebar'),
      displayType: 'accent',
      callback: () => this._options.showServers()
    };
  }

  private async _confirmCancel(launch: ILaunch): Promise<void> {
    const trans = this._trans;
    const result = await showDialog({
      title: trans.__('Cancel starting %1?', launch.label),
      body:
        launch.reuse === 'new'
          ? trans.__('Stops %1 and deletes its configuration.', launch.label)
          : trans.__('Stops %1; its configuration stays.', launch.label),
      buttons: [
        Dialog.cancelButton({ label: trans.__('Keep starting') }),
        Dialog.warnButton({ label: trans.__('Cancel start') })
      ]
    });
    if (result.button.accept && !launch.isDone) {
      await launch.cancel();
    }
  }

  private readonly _options: ILaunchActionsOptions;
  private readonly _trans: TranslationBundle;
}
