/**
 * Starts that survive a reload: follow again the starts the hub accepted
 * before this page reloaded, and answer the waiting tabs they opened.
 */
import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

// Both run at activation: a waiting tab asks from the first seconds.
/* eslint-disable jupyter/prefer-lazy-imports */
import { LaunchManager } from '../launch/manager';
import { InFlightStore } from '../launch/inFlight';
import { resumeLaunches } from '../launch/resume';
import { WaitingTabAnswerer } from '../widgets/tabChannel';
import { TAB_CHANNEL } from '../widgets/tabProtocol';
/* eslint-enable jupyter/prefer-lazy-imports */
import { INFDIHub, INFDIServers } from '../tokens';

/**
 * The page's `localStorage`, or `null` where the browser refuses it.
 */
export function pageStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Resumes the starts in flight after a reload and answers waiting tabs.
 */
export const resumePlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-nfdi-launcher:resume',
  description:
    'Follows again the NFDI server starts in flight when JupyterLab reloads, and sends their waiting tabs to the servers.',
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
    if (typeof BroadcastChannel === 'function') {
      new WaitingTabAnswerer({
        launches: servers.launches,
        channel: new BroadcastChannel(TAB_CHANNEL),
        trans
      });
    }
    const launches = servers.launches;
    if (!(launches instanceof LaunchManager)) {
      return;
    }
    const store = new InFlightStore(pageStorage());
    const resume = () => resumeLaunches({ hub, store, launches });
    // No usable client yet (e.g. the token arrives later): resume once it is.
    const onChanged = () => {
      if (hub.client && hub.hasToken) {
        hub.changed.disconnect(onChanged);
        void resume();
      }
    };
    // Once the token to use is decided (under a hub, by a request).
    void hub.ready.then(() => {
      if (hub.client && hub.hasToken) {
        void resume();
      } else {
        hub.changed.connect(onChanged);
      }
    });
  }
};
