import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

// The connection is what this plugin provides: activation needs it at once.
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { HubConnection } from './connection';
import { nfdiIcon } from './icons';
import { INFDIHub } from './tokens';

export * from './hub';
export { nfdiIcon };
export * from './settings';
export * from './tokens';

/**
 * The settings and hub connection plugin.
 */
const hubPlugin: JupyterFrontEndPlugin<INFDIHub> = {
  id: 'jupyterlab-nfdi-launcher:plugin',
  description:
    'Reads the NFDI launcher settings and provides a client for the hub in use.',
  autoStart: true,
  provides: INFDIHub,
  requires: [ISettingRegistry],
  optional: [ITranslator],
  activate: async (
    app: JupyterFrontEnd,
    registry: ISettingRegistry,
    translator: ITranslator | null
  ): Promise<INFDIHub> => {
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_nfdi_launcher'
    );
    const settings = await registry.load(hubPlugin.id);
    return new HubConnection(settings, trans);
  }
};

export default [hubPlugin];
