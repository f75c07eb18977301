import { hubPlugin } from './plugins/hub';
import { launcherPlugin } from './plugins/launcher';
import { lifetimePlugin } from './plugins/lifetime';
import { linkCommandsPlugin } from './plugins/linkCommands';
import { palettePlugin } from './plugins/palette';
import { resumePlugin } from './plugins/resume';
import { runningPlugin } from './plugins/running';
import { serverCommandsPlugin } from './plugins/serverCommands';
import { serversPlugin } from './plugins/servers';
import { sidebarPlugin } from './plugins/sidebar';
import { startCommandPlugin } from './plugins/startCommand';
import { statusBarPlugin } from './plugins/statusbar';
import { tokenCommandsPlugin } from './plugins/tokenCommands';
import { tokenFieldPlugin } from './plugins/tokenField';
import { timed } from './timing';

export { CommandIDs } from './commandIds';
export type {
  IHubConnection,
  IHubServer,
  TokenCheck,
  TokenSource
} from './connection/types';
export * from './connection/settings';
export * from './hub';
export { nfdiIcon } from './icons';
export { LaunchError } from './launch/errors';
export type { LaunchErrorReason } from './launch/errors';
export type * from './launch/types';
export type * from './servers/types';
export type { TimeLeft, UnknownReason } from './servers/lifetime';
export * from './tokens';

// Each activation is measured (`nfdi:activate:<id>`, see timing.ts).
export default [
  hubPlugin,
  serversPlugin,
  startCommandPlugin,
  serverCommandsPlugin,
  tokenCommandsPlugin,
  tokenFieldPlugin,
  lifetimePlugin,
  sidebarPlugin,
  statusBarPlugin,
  runningPlugin,
  launcherPlugin,
  palettePlugin,
  linkCommandsPlugin,
  resumePlugin
].map(plugin => timed(plugin));
