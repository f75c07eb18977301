/**
 * The user's servers and the launches: the model other plugins show.
 */
import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

// What this plugin provides is built at activation: lazy loading gains nothing.
/* eslint-disable jupyter/prefer-lazy-imports */
import { LaunchManager } from '../launch/manager';
import { InFlightStore } from '../launch/inFlight';
import { LaunchRecorder } from '../launch/resume';
import { ServersModel } from '../servers/model';
import { pageStorage } from './resume';
/* eslint-enable jupyter/prefer-lazy-imports */
import { INFDIHub, INFDIServers } from '../tokens';

/**
 * Provides the user's servers and the launches in flight.
 */
export const serversPlugin: JupyterFrontEndPlugin<INFDIServers> = {
  id: 'jupyterlab-nfdi-launcher:servers',
  description:
    "Provides the user's servers on the NFDI hub and the launches in flight.",
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
    const servers = new ServersModel(hub);
    const launches = new LaunchManager({
      hub,
      servers,
      trans,
      // Remembered so that a reload can resume them (see the resume plugin).
      recorder: new LaunchRecorder(new InFlightStore(pageStorage()))
    });
    // A start decides from the list whether it reuses a configuration or
    // needs a new one (refused at the limit before any tab opens): load it
    // once now, and again when the hub or the token changes.
    // (A visible list refreshes itself.) Under a hub, once the token to use
    // is decided: a list loaded before would be thrown away.
    const load = () =>
      void hub.ready.then(() => {
        if (hub.client && hub.hasToken) {
          void servers.load();
        }
      });
    app.restored.then(load).catch(() => undefined);
    hub.changed.connect(load);
    // The list follows every launch: a new server, a failed one; a visible
    // list also shows the ones starting.
    launches.changed.connect((_, launch) => {
      if (launch.isDone || (servers.active && launch.phase !== 'starting')) {
        void servers.refresh();
      }
    });
    return { servers, launches };
  }
};
