/**
 * The NFDI servers as a section of the "Running Terminals and Kernels" panel.
 */
import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { IRunningSessionManagers } from '@jupyterlab/running';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { INFDIHub, INFDILifetimes, INFDIServers } from '../tokens';
// The section is built at activation when there is a running panel.
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { NFDIRunningServers } from '../widgets/runningSection';

/**
 * Adds the user's running and starting NFDI servers to the running panel,
 * with open and stop.
 */
export const runningPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-nfdi-launcher:running',
  description:
    'Lists your running NFDI servers in the Running Terminals and Kernels panel, to open or stop them.',
  autoStart: true,
  requires: [INFDIHub, INFDIServers],
  optional: [IRunningSessionManagers, INFDILifetimes, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    hub: INFDIHub,
    servers: INFDIServers,
    managers: IRunningSessionManagers | null,
    lifetimes: INFDILifetimes | null,
    translator: ITranslator | null
  ): void => {
    if (!managers) {
      return;
    }
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_nfdi_launcher'
    );
    managers.add(
      new NFDIRunningServers({
        servers: servers.servers,
        lifetimes,
        execute: (id, args) => {
          void app.commands.execute(id, args);
        },
        warningMinutes: () => hub.settings.lifetimeWarning,
        trans
      })
    );
  }
};
