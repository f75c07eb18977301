/**
 * Settings and the hub connection.
 */
import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { PageConfig } from '@jupyterlab/coreutils';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

// The connection is what this plugin provides: activation needs it at once.
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { HubConnection } from '../connection/connection';
import { timedStep } from '../timing';
import { INFDIHub } from '../tokens';

/**
 * Reads the settings and provides a client for the hub in use.
 */
export const hubPlugin: JupyterFrontEndPlugin<INFDIHub> = {
  id: 'jupyterlab-nfdi-launcher:plugin',
  description:
    'Reads the NFDI launcher settings and provides a client for the hub in use.',
  autoStart: true,
  provides: INFDIHub,
  requires: [ISettingRegistry, JupyterFrontEnd.IPaths],
  optional: [ITranslator],
  activate: async (
    app: JupyterFrontEnd,
    registry: ISettingRegistry,
    paths: JupyterFrontEnd.IPaths,
    translator: ITranslator | null
  ): Promise<INFDIHub> => {
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_nfdi_launcher'
    );
    const settings = await registry.load(hubPlugin.id);
    // Under a hub, the token to use is decided by one request to the hub:
    // nothing waits for it here; what needs the token waits for `ready`.
    return timedStep(
      hubPlugin.id,
      () =>
        new HubConnection(
          settings,
          {
            urls: paths.urls,
            origin: window.location.origin,
            // Under a hub: this JupyterLab's own hub login, tried before the
            // settings' token (the connection sends it only to this hub).
            token: PageConfig.getToken()
          },
          trans
        )
    );
  }
};
