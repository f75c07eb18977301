/**
 * The NFDI item in JupyterLab's status bar.
 */
import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { IStatusBar } from '@jupyterlab/statusbar';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { CommandIDs } from '../commandIds';
import { INFDILifetimes, INFDIServers } from '../tokens';
// The item is built at activation when there is a status bar.
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { NFDIStatusItem } from '../widgets/statusItem';

/**
 * Adds "NFDI: 2 running · 1 starting · 12 min left" to the status bar.
 */
export const statusBarPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-nfdi-launcher:status-bar',
  description:
    'Shows in the status bar how many NFDI servers run or start and the shortest time left; a click opens the NFDI sidebar.',
  autoStart: true,
  requires: [INFDIServers, INFDILifetimes],
  optional: [IStatusBar, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    servers: INFDIServers,
    lifetimes: INFDILifetimes,
    statusBar: IStatusBar | null,
    translator: ITranslator | null
  ): void => {
    if (!statusBar) {
      return;
    }
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_nfdi_launcher'
    );
    const item = new NFDIStatusItem({
      servers: servers.servers,
      lifetimes,
      launchesChanged: servers.launches.changed,
      trans,
      onClick: () => {
        void app.commands.execute(CommandIDs.openSidebar);
      }
    });
    statusBar.registerStatusItem(statusBarPlugin.id, {
      item,
      align: 'left',
      rank: 900,
      isActive: () => item.isActive(),
      activeStateChanged: item.activeStateChanged
    });
  }
};
