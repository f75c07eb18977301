/**
 * The commands that act on one of the user's servers: open, stop, delete,
 * start again, show its logs; and refresh the list.
 */
import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { Dialog, Notification, showDialog } from '@jupyterlab/apputils';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { ReadonlyPartialJSONObject } from '@lumino/coreutils';

import { CommandIDs } from '../commandIds';
import { IServerModel } from '../hub';
import { INFDIServers } from '../tokens';
import { openInNewTab } from '../widgets/browserTab';
import { showLogs } from '../widgets/logsDialog';
import { notify } from '../widgets/notify';
// Small modules: loading them lazily would only delay the first command.
/* eslint-disable jupyter/prefer-lazy-imports */
import { serverState } from '../servers/state';
import { pickServer } from '../widgets/pickServer';
import { displayName, stateLabel } from '../widgets/serverLabels';
/* eslint-enable jupyter/prefer-lazy-imports */

const SERVER_ARG = {
  type: 'object',
  properties: {
    server: {
      type: 'string',
      description:
        'Name of the server on the hub. Without it, the user is asked which.'
    }
  }
};

/** The message of an error, for a notification. */
function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Adds the commands to open, stop, delete and start again a server, show its
 * logs, and refresh the list.
 */
export const serverCommandsPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-nfdi-launcher:server-commands',
  description:
    'Adds the commands to open, stop, delete and start again NFDI servers, show their logs and refresh the list.',
  autoStart: true,
  requires: [INFDIServers],
  optional: [ITranslator],
  activate: (
    app: JupyterFrontEnd,
    servers: INFDIServers,
    translator: ITranslator | null
  ): void => {
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_nfdi_launcher'
    );
    const { commands } = app;
    const model = servers.servers;

    commands.addCommand(CommandIDs.open, {
      label: trans.__('Open an NFDI Server'),
      caption: trans.__('Open one of your running NFDI servers in a new tab'),
      describedBy: { args: SERVER_ARG },
      execute: async args => {
        const server = await pickServer(
          model,
          args,
          s => serverState(s) === 'running',
          trans.__('Open which server?'),
          trans
        );
        if (!server) {
          return;
        }
        if (!server.url || serverState(server) !== 'running') {
          Notification.warning(
            trans.__('%1 is not running.', displayName(server, trans)),
            { autoClose: 5000 }
          );
          return;
        }
        openInNewTab(server.url);
      }
    });

    commands.addCommand(CommandIDs.stop, {
      label: trans.__('Stop an NFDI Server'),
      caption: trans.__(
        'Stop a server on the NFDI hub; its configuration stays'
      ),
      describedBy: { args: SERVER_ARG },
      execute: async args => {
        const server = await pickServer(
          model,
          args,
          s =>
            !model.isCurrent(s) &&
            ['running', 'starting'].includes(serverState(s)),
          trans.__('Stop which server?'),
          trans
        );
        if (!server) {
          return;
        }
        try {
          const result = await model.stop(server.name);
          Notification.success(
            result === 'stopping'
              ? trans.__('%1 is stopping.', displayName(server, trans))
              : trans.__('%1 is stopped.', displayName(server, trans)),
            { autoClose: 5000 }
          );
        } catch (error) {
          notify(
            trans.__(
              'Could not stop %1: %2',
              displayName(server, trans),
              message(error)
            ),
            'error',
            {},
            trans
          );
        }
      }
    });

    commands.addCommand(CommandIDs.deleteServer, {
      label: trans.__('Delete an NFDI Server'),
      caption: trans.__(
        'Stop a server on the NFDI hub and delete its configuration'
      ),
      describedBy: {
        args: {
          ...SERVER_ARG,
          properties: {
            ...SERVER_ARG.properties,
            confirm: {
              type: 'boolean',
              description: 'Ask the user to confirm (default true).'
            }
          }
        }
      },
      execute: async args => {
        const server = await pickServer(
          model,
          args,
          s => !model.isCurrent(s),
          trans.__('Delete which server?'),
          trans
        );
        if (!server) {
          return;
        }
        if (args.confirm !== false) {
          const answer = await showDialog({
            title: trans.__('Delete %1?', displayName(server, trans)),
            body: trans.__(
              'This stops the server if it runs and deletes its configuration on the hub. Files in your storage on the hub are not deleted.'
            ),
            buttons: [
              Dialog.cancelButton({ label: trans.__('Cancel') }),
              Dialog.warnButton({ label: trans.__('Delete') })
            ]
          });
          if (!answer.button.accept) {
            return;
          }
        }
        try {
          await model.remove(server.name);
          Notification.success(
            trans.__('%1 is deleted.', displayName(server, trans)),
            { autoClose: 5000 }
          );
        } catch (error) {
          notify(
            trans.__(
              'Could not delete %1: %2',
              displayName(server, trans),
              message(error)
            ),
            'error',
            {},
            trans
          );
        }
      }
    });

    commands.addCommand(CommandIDs.startAgain, {
      label: args =>
        args.server
          ? trans.__('Start Again')
          : trans.__('Start an NFDI Server Again'),
      caption: trans.__(
        'Start a stopped server again with the options it was started with, and open it in a new tab'
      ),
      describedBy: { args: SERVER_ARG },
      execute: args => {
        // Through the start command: the same waiting tab, notifications
        // and reuse of the configuration as any start.
        const start = (server: IServerModel) =>
          commands.execute(CommandIDs.start, {
            options: server.userOptions as ReadonlyPartialJSONObject
          });
        if (typeof args.server === 'string') {
          const known = model.find(args.server);
          if (known && serverState(known) === 'stopped') {
            // Known to be stopped: start inside the click, so the new tab
            // opens without a popup blocker in the way.
            return start(known);
          }
        }
        return pickServer(
          model,
          args,
          s => serverState(s) === 'stopped',
          trans.__('Start which server again?'),
          trans
        ).then(server => (server ? start(server) : undefined));
      }
    });

    commands.addCommand(CommandIDs.showLogs, {
      label: trans.__('Show Logs of an NFDI Server'),
      caption: trans.__(
        'Show the exit code and last log lines of a stopped server'
      ),
      describedBy: { args: SERVER_ARG },
      execute: async args => {
        const server = await pickServer(
          model,
          args,
          s => serverState(s) === 'stopped',
          trans.__('Show the logs of which server?'),
          trans
        );
        if (!server) {
          return;
        }
        try {
          const status = await model.details(server.name);
          if (status.status === 'stopped') {
            await showLogs(
              displayName(server, trans),
              status.exitCode,
              status.logs,
              trans
            );
          } else {
            Notification.info(
              trans.__(
                '%1 is %2: no exit code or logs yet.',
                displayName(server, trans),
                status.status === 'running'
                  ? stateLabel('running', trans)
                  : stateLabel('starting', trans)
              ),
              { autoClose: 5000 }
            );
          }
        } catch (error) {
          notify(
            trans.__(
              'Could not get the logs of %1: %2',
              displayName(server, trans),
              message(error)
            ),
            'error',
            {},
            trans
          );
        }
      }
    });

    commands.addCommand(CommandIDs.refresh, {
      label: trans.__('Refresh NFDI Servers'),
      caption: trans.__('Ask the hub for your servers again'),
      describedBy: { args: { type: 'object', properties: {} } },
      execute: () => model.refresh()
    });
  }
};
