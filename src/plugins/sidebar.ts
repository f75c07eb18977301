/**
 * The NFDI sidebar in the left area.
 */
import {
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { CommandIDs } from '../commandIds';
import { nfdiIcon } from '../icons';
import { INFDIHub, INFDILifetimes, INFDIServers } from '../tokens';
// The sidebar must be in the shell at start-up so the layout can restore it.
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { NFDISidebar } from '../widgets/sidebar';

/**
 * Adds the sidebar and the command that shows it.
 */
export const sidebarPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-nfdi-launcher:sidebar',
  description:
    'Adds a sidebar to start NFDI servers and to see, open, stop and delete yours.',
  autoStart: true,
  requires: [INFDIHub, INFDIServers],
  optional: [ILayoutRestorer, ITranslator, INFDILifetimes],
  activate: (
    app: JupyterFrontEnd,
    hub: INFDIHub,
    servers: INFDIServers,
    restorer: ILayoutRestorer | null,
    translator: ITranslator | null,
    lifetimes: INFDILifetimes | null
  ): void => {
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_nfdi_launcher'
    );
    const sidebar = new NFDISidebar({
      hub,
      model: servers.servers,
      commands: app.commands,
      trans,
      lifetimes
    });
    app.shell.add(sidebar, 'left', { rank: 900 });
    restorer?.add(sidebar, sidebar.id);

    app.commands.addCommand(CommandIDs.openSidebar, {
      label: trans.__('Show NFDI Servers'),
      caption: trans.__('Show the NFDI sidebar with your servers'),
      icon: nfdiIcon,
      describedBy: { args: { type: 'object', properties: {} } },
      execute: () => {
        app.shell.activateById(sidebar.id);
      }
    });
  }
};
