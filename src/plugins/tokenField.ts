/**
 * The API token as a secret in JupyterLab's Settings Editor.
 */
import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { IFormRendererRegistry } from '@jupyterlab/ui-components';

// The renderer must be registered before the Settings Editor first opens
// (it reads the registry once), so it is loaded with the plugin.
import { tokenFieldRenderer } from '../widgets/tokenField';

/** The settings plugin whose `token` property the field renders. */
const SETTINGS_PLUGIN_ID = 'jupyterlab-nfdi-launcher:plugin';

/**
 * Shows the `token` setting masked, with a show/hide toggle, in the
 * Settings Editor (where the form would otherwise show it in clear).
 */
export const tokenFieldPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-nfdi-launcher:token-field',
  description:
    'Shows the NFDI hub API token masked, with a show/hide toggle, in the Settings Editor.',
  autoStart: true,
  optional: [IFormRendererRegistry, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    renderers: IFormRendererRegistry | null,
    translator: ITranslator | null
  ): void => {
    if (!renderers) {
      return; // No Settings Editor form to render into.
    }
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_nfdi_launcher'
    );
    renderers.addRenderer(`${SETTINGS_PLUGIN_ID}.token`, {
      fieldRenderer: tokenFieldRenderer(trans)
    });
  }
};
