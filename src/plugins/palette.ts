/**
 * Command palette entries: every command, and one start entry per preset.
 */
import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { DisposableSet } from '@lumino/disposable';

import { CommandIDs } from '../commandIds';
import { INFDIHub } from '../tokens';

/**
 * Adds the commands to the palette, in an "NFDI" category.
 */
export const palettePlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-nfdi-launcher:palette',
  description: 'Adds the NFDI commands to the command palette.',
  autoStart: true,
  requires: [INFDIHub, ICommandPalette],
  optional: [ITranslator],
  activate: (
    app: JupyterFrontEnd,
    hub: INFDIHub,
    palette: ICommandPalette,
    translator: ITranslator | null
  ): void => {
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_nfdi_launcher'
    );
    const category = trans.__('NFDI');
    for (const command of [
      CommandIDs.start,
      CommandIDs.openSidebar,
      CommandIDs.open,
      CommandIDs.stop,
      CommandIDs.deleteServer,
      CommandIDs.startAgain,
      CommandIDs.showLogs,
      CommandIDs.setToken,
      CommandIDs.openTokenPage,
      CommandIDs.refresh
    ]) {
      palette.addItem({ command, category });
    }

    let presets = new DisposableSet();
    const update = () => {
      presets.dispose();
      presets = new DisposableSet();
      for (const preset of hub.settings.launchers) {
        presets.add(
          palette.addItem({
            command: CommandIDs.start,
            args: { preset: preset.title },
            category
          })
        );
      }
    };
    update();
    hub.changed.connect(update);
  }
};
