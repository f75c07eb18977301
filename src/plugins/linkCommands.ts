/**
 * "Copy launch link" (`nfdi:copy-launch-link`): the hub's direct link that
 * starts a repo2docker preset or server through the hub's login, with no
 * token; and a palette entry per repo2docker preset.
 */
import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { Clipboard, ICommandPalette } from '@jupyterlab/apputils';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { ReadonlyPartialJSONObject } from '@lumino/coreutils';
import { DisposableSet } from '@lumino/disposable';

import { CommandIDs } from '../commandIds';
import { nfdiIcon } from '../icons';
import { INFDIHub, INFDIServers } from '../tokens';
import { notify } from '../widgets/notify';
// Labels and palette entries need these at once; they are small.
/* eslint-disable jupyter/prefer-lazy-imports */
import { launchLink, mergeOptions } from '../hub';
import { displayName } from '../widgets/serverLabels';
/* eslint-enable jupyter/prefer-lazy-imports */

/** What a launch link is asked for: a preset or a server, by name. */
interface ILinkTarget {
  /** What the user calls it. */
  label: string;
  /** The hub's launch link, or `null` if it has none. */
  link: string | null;
}

/**
 * Adds the command that copies a launch link, and its palette entries.
 */
export const linkCommandsPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-nfdi-launcher:link-commands',
  description:
    "Adds the command that copies the hub's launch link of a repo2docker preset or server.",
  autoStart: true,
  requires: [INFDIHub, INFDIServers],
  optional: [ICommandPalette, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    hub: INFDIHub,
    servers: INFDIServers,
    palette: ICommandPalette | null,
    translator: ITranslator | null
  ): void => {
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_nfdi_launcher'
    );

    /** The preset or server the args name, or `null` if there is none. */
    const target = (args: ReadonlyPartialJSONObject): ILinkTarget | null => {
      const base = hub.client?.baseUrl ?? null;
      if (typeof args.preset === 'string') {
        const preset = hub.settings.launchers.find(
          p => p.title === args.preset
        );
        if (!preset) {
          return null;
        }
        const options = mergeOptions(hub.defaultOptions, preset.options);
        return {
          label: preset.title,
          link: base ? launchLink(base, options) : null
        };
      }
      if (typeof args.server === 'string') {
        const server = servers.servers.find(args.server);
        if (!server) {
          return null;
        }
        return {
          label: displayName(server, trans),
          link: base ? launchLink(base, server.userOptions) : null
        };
      }
      return null;
    };
    const hasLink = (args: ReadonlyPartialJSONObject) => !!target(args)?.link;

    app.commands.addCommand(CommandIDs.copyLaunchLink, {
      label: args => {
        const found = target(args);
        return found
          ? trans.__('Copy Launch Link of %1', found.label)
          : trans.__('Copy Launch Link');
      },
      caption: trans.__(
        "Copy the hub's direct link that builds and starts this repository; whoever opens it logs in to the hub, no token needed"
      ),
      icon: nfdiIcon,
      isEnabled: hasLink,
      isVisible: hasLink,
      describedBy: {
        args: {
          type: 'object',
          properties: {
            preset: {
              type: 'string',
              description:
                'Title of a repo2docker launcher preset from the settings.'
            },
            server: {
              type: 'string',
              description: 'Name of a repo2docker server on the hub.'
            }
          }
        }
      },
      execute: args => {
        const found = target(args);
        if (!found?.link) {
          notify(
            found
              ? trans.__(
                  '%1 has no launch link: only repo2docker presets and servers have one.',
                  found.label
                )
              : trans.__(
                  'There is no such launcher preset or server to copy a launch link of.'
                ),
            'warning',
            { autoClose: 8000 },
            trans
          );
          return;
        }
        Clipboard.copyToSystem(found.link);
        notify(
          trans.__('Launch link copied: %1', found.link),
          'success',
          { autoClose: 10000 },
          trans
        );
      }
    });

    if (!palette) {
      return;
    }
    const category = trans.__('NFDI');
    let entries = new DisposableSet();
    let shown = '';
    const update = () => {
      const presets = hub.settings.launchers
        .map(preset => ({ preset: preset.title }))
        .filter(hasLink);
      const key = JSON.stringify(presets);
      if (key === shown) {
        return;
      }
      shown = key;
      entries.dispose();
      entries = new DisposableSet();
      for (const args of presets) {
        entries.add(
          palette.addItem({
            command: CommandIDs.copyLaunchLink,
            args,
            category
          })
        );
      }
    };
    update();
    hub.changed.connect(update);
  }
};
