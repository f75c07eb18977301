/**
 * The start command (`nfdi:start`): the waiting tab, opened inside the
 * user's click, and the notifications that follow every launch.
 */
import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { URLExt } from '@jupyterlab/coreutils';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { ReadonlyPartialJSONObject } from '@lumino/coreutils';

import { CommandIDs } from '../commandIds';
import { IUserOptions } from '../hub';
import { nfdiIcon } from '../icons';
import { INFDIHub, INFDIServers } from '../tokens';
// The notifier must listen from the start: launches may begin at once.
/* eslint-disable jupyter/prefer-lazy-imports */
import { BrowserTab, openInNewTab } from '../widgets/browserTab';
import { LaunchNotifier } from '../widgets/launchNotifier';
/* eslint-enable jupyter/prefer-lazy-imports */

/**
 * Adds `nfdi:start` and tells the user what every launch does.
 */
export const startCommandPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-nfdi-launcher:start-command',
  description:
    'Adds the command that starts an NFDI server and opens it in a new tab, and notifies about every start.',
  autoStart: true,
  requires: [INFDIHub, INFDIServers],
  optional: [ITranslator],
  activate: (
    app: JupyterFrontEnd,
    hub: INFDIHub,
    servers: INFDIServers,
    translator: ITranslator | null
  ): void => {
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_nfdi_launcher'
    );
    const { commands } = app;
    const notifier = new LaunchNotifier({
      launches: servers.launches,
      hub,
      trans,
      openUrl: openInNewTab,
      showServers: () => {
        if (commands.hasCommand(CommandIDs.openSidebar)) {
          void commands.execute(CommandIDs.openSidebar);
        }
      },
      retry: args => {
        void commands.execute(CommandIDs.start, {
          ...(args as ReadonlyPartialJSONObject),
          isLauncher: true
        });
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
        // Synchronous up to the tab, inside the user's click: the start
        // request leaves first, then the waiting tab opens.
        const done = notifier.start(
          {
            preset: typeof args.preset === 'string' ? args.preset : undefined,
            options: args.options as IUserOptions | undefined
          },
          {
            openTab: (label, hubHost) =>
              BrowserTab.open(
                trans.__('Starting %1…', label),
                trans.__('Starting %1 on %2…', label, hubHost),
                {
                  hubUrl: hub.hubUrl,
                  hint: trans.__(
                    'If nothing happens here, open the NFDI sidebar in JupyterLab, or go to %1',
                    URLExt.join(hub.hubUrl, 'hub/home')
                  )
                }
              )
          }
        );
        if (args.isLauncher) {
          // JupyterLab's Launcher ignores clicks on every tile until the
          // command settles, and shows a "Launcher Error" dialog if it
          // rejects. The notifier reports progress and failures: settle at
          // once for a tile.
          return;
        }
        return done as unknown as Promise<ReadonlyPartialJSONObject>;
      }
    });
  }
};
