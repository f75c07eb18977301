import { commandsPlugin } from './plugins/commands';
import { hubPlugin } from './plugins/hub';
import { launcherPlugin } from './plugins/launcher';
import { palettePlugin } from './plugins/palette';
import { sidebarPlugin } from './plugins/sidebar';

export { CommandIDs } from './commands';
export * from './hub';
export { nfdiIcon } from './icons';
export * from './launch/launch';
export * from './settings';
export * from './tokens';

export default [
  hubPlugin,
  commandsPlugin,
  sidebarPlugin,
  launcherPlugin,
  palettePlugin
];
