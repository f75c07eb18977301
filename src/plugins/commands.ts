/**
 * The commands: every action of the extension, callable by other extensions.
 */
import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import {
  Dialog,
  InputDialog,
  Notification,
  showDialog
} from '@jupyterlab/apputils';
import {
  ITranslator,
  nullTranslator,
  TranslationBundle
} from '@jupyterlab/translation';
import { ReadonlyPartialJSONObject } from '@lumino/coreutils';

import { CommandIDs } from '../commands';
import { IServerModel, IUserOptions } from '../hub';
import { nfdiIcon } from '../icons';
// What this plugin provides is built at activation: lazy loading gains nothing.
/* eslint-disable jupyter/prefer-lazy-imports */
import { LaunchFlow, showLogs } from '../launch/flow';
import { LaunchManager } from '../launch/manager';
import { ServersModel, serverState } from '../servers/model';
/* eslint-enable jupyter/prefer-lazy-imports */
import { notify } from '../notify';
import { INFDIHub, INFDIServers } from '../tokens';

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

function openInNewTab(url: string): void {
  window.open(url, '_blank', 'noopener');
}

/**
 * Registers the commands and provides the servers model.
 */
export const commandsPlugin: JupyterFrontEndPlugin<INFDIServers> = {
  id: 'jupyterlab-nfdi-launcher:commands',
  description:
    'Adds the commands to start, open, stop and delete NFDI servers and provides the servers model.',
  autoStart: true,
  provides: INFDIServers,
  requires: [INFDIHub],
  optional: [ITranslator],
  activate: (
    app: JupyterFrontEnd,
    hub: INFDIHub,
    translator: ITranslator | null
  ): INFDIServers => {
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_nfdi_launcher'
    );
    const { commands } = app;
    const servers = new ServersModel(hub);
    const launches = new LaunchManager({
      timeout: () => hub.settings.startTimeout
    });
    const flow = new LaunchFlow({
      hub,
      launches,
      trans,
      showServers: () => {
        if (commands.hasCommand(CommandIDs.openSidebar)) {
          void commands.execute(CommandIDs.openSidebar);
        }
      }
    });
    // A visible list follows every launch: a new server, a failed one.
    launches.changed.connect((_, launch) => {
      if (servers.active && launch.phase !== 'starting') {
        void servers.refresh();
      }
    });

    commands.addCommand(CommandIDs.start, {
      label: args =>
        args.preset
          ? args.isLauncher
            ? String(args.preset)
            : trans.__('Start %1', String(args.preset))
          : trans.__('Start an NFDI Server'),
      caption: args =>
        hub.settings.launchers.find(p => p.title === args.preset)?.caption ||
        (args.preset
          ? trans.__(
              'Start a server from the preset "%1" on the NFDI hub and open it in a new tab',
              String(args.preset)
            )
          : trans.__(
              'Start a server with the default options on the NFDI hub and open it in a new tab'
            )),
      icon: nfdiIcon,
      describedBy: {
        args: {
          type: 'object',
          properties: {
            preset: {
              type: 'string',
              description: 'Title of a launcher preset from the settings.'
            },
            options: {
              type: 'object',
              description:
                'User options (option, custom, repo2docker, system, flavor, name) over the preset and the default options.'
            },
            isLauncher: {
              type: 'boolean',
              description: 'Label for a launcher tile (the preset title alone).'
            }
          }
        }
      },
      execute: args => {
        const done = flow.start({
          preset: typeof args.preset === 'string' ? args.preset : undefined,
          options: args.options as IUserOptions | undefined
        });
        if (args.isLauncher) {
          // JupyterLab's Launcher ignores clicks on every tile until the
          // command settles, and shows a "Launcher Error" dialog if it
          // rejects. The flow reports progress and failures itself: settle
          // at once for a tile.
          done.catch(() => undefined);
          return;
        }
        return done as unknown as Promise<ReadonlyPartialJSONObject>;
      }
    });

    commands.addCommand(CommandIDs.open, {
      label: trans.__('Open an NFDI Server'),
      caption: trans.__('Open one of your running NFDI servers in a new tab'),
      describedBy: { args: SERVER_ARG },
      execute: async args => {
        const server = await pickServer(
          servers,
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
            trans.__('%1 is not running.', displayName(server)),
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
          servers,
          args,
          s =>
            !servers.isCurrent(s) &&
            ['running', 'starting'].includes(serverState(s)),
          trans.__('Stop which server?'),
          trans
        );
        if (!server) {
          return;
        }
        try {
          const result = await servers.stop(server.name);
          Notification.success(
            result === 'stopping'
              ? trans.__('%1 is stopping.', displayName(server))
              : trans.__('%1 is stopped.', displayName(server)),
            { autoClose: 5000 }
          );
        } catch (error) {
          notify(
            trans.__(
              'Could not stop %1: %2',
              displayName(server),
              message(error)
            ),
            'error',
            {},
            trans
          );
        }
      }
    });

    commands.addCommand(CommandIDs.remove, {
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
          servers,
          args,
          s => !servers.isCurrent(s),
          trans.__('Delete which server?'),
          trans
        );
        if (!server) {
          return;
        }
        if (args.confirm !== false) {
          const answer = await showDialog({
            title: trans.__('Delete %1?', displayName(server)),
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
          await servers.remove(server.name);
          Notification.success(
            trans.__('%1 is deleted.', displayName(server)),
            { autoClose: 5000 }
          );
        } catch (error) {
          notify(
            trans.__(
              'Could not delete %1: %2',
              displayName(server),
              message(error)
            ),
            'error',
            {},
            trans
          );
        }
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
          servers,
          args,
          s => serverState(s) === 'stopped',
          trans.__('Show the logs of which server?'),
          trans
        );
        if (!server) {
          return;
        }
        try {
          const status = await servers.details(server.name);
          if (status.status === 'stopped') {
            await showLogs(
              displayName(server),
              status.exitCode,
              status.logs,
              trans
            );
          } else {
            Notification.info(
              trans.__(
                '%1 is %2: no exit code or logs yet.',
                displayName(server),
                status.status
              ),
              { autoClose: 5000 }
            );
          }
        } catch (error) {
          notify(
            trans.__(
              'Could not get the logs of %1: %2',
              displayName(server),
              message(error)
            ),
            'error',
            {},
            trans
          );
        }
      }
    });

    commands.addCommand(CommandIDs.setToken, {
      label: trans.__('Set the NFDI Hub API Token'),
      caption: trans.__(
        'Paste the API token for the NFDI hub (saved in the settings)'
      ),
      describedBy: {
        args: {
          type: 'object',
          properties: {
            token: {
              type: 'string',
              description: 'The token. Without it, the user is asked for it.'
            }
          }
        }
      },
      execute: async args => {
        let token = typeof args.token === 'string' ? args.token : null;
        if (token === null) {
          const answer = await InputDialog.getPassword({
            title: trans.__('API token for %1', hub.hubUrl),
            label: trans.__(
              'Create a token on the hub (%1) and paste it here.',
              hub.client?.tokenPageUrl ?? hub.hubUrl
            ),
            okLabel: trans.__('Save'),
            cancelLabel: trans.__('Cancel')
          });
          if (!answer.button.accept || !answer.value) {
            return;
          }
          token = answer.value;
        }
        await hub.setToken(token);
      }
    });

    commands.addCommand(CommandIDs.openTokenPage, {
      label: trans.__("Open the NFDI Hub's Token Page"),
      caption: trans.__('Open the page where you create API tokens on the hub'),
      describedBy: { args: { type: 'object', properties: {} } },
      isEnabled: () => hub.client !== null,
      execute: () => {
        const url = hub.client?.tokenPageUrl;
        if (url) {
          openInNewTab(url);
        }
      }
    });

    commands.addCommand(CommandIDs.refresh, {
      label: trans.__('Refresh NFDI Servers'),
      caption: trans.__('Ask the hub for your servers again'),
      describedBy: { args: { type: 'object', properties: {} } },
      execute: () => servers.refresh()
    });

    return {
      servers,
      launches,
      start: args => flow.start(args)
    };
  }
};

function displayName(server: IServerModel): string {
  const name = server.userOptions.name;
  const id = server.name || 'default';
  return typeof name === 'string' && name ? `${name} (${id})` : id;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The server named in `args.server`, or one the user picks among those
 * `filter` accepts. `null` if there is none or the user cancelled.
 */
async function pickServer(
  servers: ServersModel,
  args: ReadonlyPartialJSONObject,
  filter: (server: IServerModel) => boolean,
  title: string,
  trans: TranslationBundle
): Promise<IServerModel | null> {
  await servers.refresh();
  if (servers.connection !== 'connected') {
    notify(
      servers.problem ?? trans.__('Not connected to the hub.'),
      'error',
      {},
      trans
    );
    return null;
  }
  if (typeof args.server === 'string') {
    const server = servers.find(args.server);
    if (!server) {
      Notification.error(
        trans.__('You have no server "%1" on the hub.', args.server),
        { autoClose: 5000 }
      );
      return null;
    }
    if (!filter(server)) {
      Notification.warning(
        servers.isCurrent(server)
          ? trans.__(
              '%1 is the server this JupyterLab runs in: use File → Hub Control Panel for it.',
              displayName(server)
            )
          : trans.__(
              '%1 is %2: nothing to do.',
              displayName(server),
              serverState(server)
            ),
        { autoClose: 5000 }
      );
      return null;
    }
    return server;
  }
  const candidates = servers.servers.filter(filter);
  if (candidates.length === 0) {
    Notification.info(trans.__('You have no server for that.'), {
      autoClose: 5000
    });
    return null;
  }
  const names = candidates.map(displayName);
  const answer = await InputDialog.getItem({
    title,
    items: names,
    okLabel: trans.__('OK'),
    cancelLabel: trans.__('Cancel')
  });
  if (!answer.button.accept || answer.value === null) {
    return null;
  }
  return candidates[names.indexOf(answer.value)] ?? null;
}
