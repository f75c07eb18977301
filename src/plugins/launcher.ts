/**
 * Launcher tiles: one per preset in the settings, following changes live.
 */
import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ILauncher } from '@jupyterlab/launcher';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { DisposableSet } from '@lumino/disposable';

import { CommandIDs } from '../commandIds';
import { INFDIHub } from '../tokens';

/**
 * Adds a launcher tile per preset, in the "NFDI" category.
 */
export const launcherPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-nfdi-launcher:launcher',
  description: 'Adds a launcher tile per NFDI launcher preset.',
  autoStart: true,
  requires: [INFDIHub, ILauncher],
  optional: [ITranslator],
  activate: (
    app: JupyterFrontEnd,
    hub: INFDIHub,
    launcher: ILauncher,
    translator: ITranslator | null
  ): void => {
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_nfdi_launcher'
    );
    let tiles = new DisposableSet();
    let shown = '';
    const update = () => {
      const presets = hub.settings.launchers.map(p => p.title);
      const key = JSON.stringify(presets);
      if (key === shown) {
        return;
      }
      shown = key;
      tiles.dispose();
      tiles = new DisposableSet();
      presets.forEach((preset, rank) => {
        tiles.add(
          launcher.add({
            command: CommandIDs.start,
            args: { preset, isLauncher: true },
            category: trans.__('NFDI'),
            rank
          })
        );
      });
    };
    update();
    hub.changed.connect(update);
  }
};
