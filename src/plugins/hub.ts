/**
 * Settings and the hub connection.
 */
import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

// The connection is what this plugin provides: activation needs it at once.
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { HubConnection } from '../connection/connection';
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
    return new HubConnection(
      settings,
      { urls: paths.urls, origin: window.location.origin },
      trans
    );
  }
};
