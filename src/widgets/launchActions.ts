/**
 * The actions a launch's notification offers: cancel, stop, logs, the token
 * page, the server list, try again.
 */
import { Notification } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import type { IHubConnection } from '../connection/types';
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

  /** Cancel a launch in flight. */
  cancel(launch: ILaunch): Notification.IAction {
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

  /** Open the hub's token page. */
  tokenPage(): Notification.IAction {
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

  /** Show the user's servers. */
  showServers(): Notification.IAction {
    return {
      label: this._trans.__('Show servers'),
      caption: this._trans.__('Show your servers in the NFDI sidebar'),
      displayType: 'accent',
      callback: () => this._options.showServers()
    };
  }

  private readonly _options: ILaunchActionsOptions;
  private readonly _trans: TranslationBundle;
}
