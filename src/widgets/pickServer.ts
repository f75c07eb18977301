/**
 * Which server a command acts on: the one named in its arguments, or one
 * the user picks.
 */
import { InputDialog, Notification } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import { ReadonlyPartialJSONObject } from '@lumino/coreutils';

import { IServerModel } from '../hub';
import { serverState } from '../servers/state';
import { IServersModel } from '../servers/types';
import { notify } from './notify';
import { displayName, stateLabel } from './serverLabels';

/**
 * The server named in `args.server`, or one the user picks among those
 * `filter` accepts. `null` if there is none or the user cancelled; the user
 * is told why.
 */
export async function pickServer(
  servers: IServersModel,
  args: ReadonlyPartialJSONObject,
  filter: (server: IServerModel) => boolean,
  title: string,
  trans: TranslationBundle
): Promise<IServerModel | null> {
  await servers.refresh();
  if (servers.connection !== 'connected') {
    notify(
      servers.problem ?? trans.__('Not connected to the hub.'),
      'error',
      {},
      trans
    );
    return null;
  }
  if (typeof args.server === 'string') {
    const server = servers.find(args.server);
    if (!server) {
      Notification.error(
        trans.__('You have no server "%1" on the hub.', args.server),
        { autoClose: 5000 }
      );
      return null;
    }
    if (!filter(server)) {
      Notification.warning(
        servers.isCurrent(server)
          ? trans.__(
              '%1 is the server this JupyterLab runs in: use File → Hub Control Panel for it.',
              displayName(server, trans)
            )
          : trans.__(
              '%1 is %2: nothing to do.',
              displayName(server, trans),
              stateLabel(serverState(server), trans)
            ),
        { autoClose: 5000 }
      );
      return null;
    }
    return server;
  }
  const candidates = servers.servers.filter(filter);
  if (candidates.length === 0) {
    Notification.info(trans.__('You have no server for that.'), {
      autoClose: 5000
    });
    return null;
  }
  const names = candidates.map(server => displayName(server, trans));
  const answer = await InputDialog.getItem({
    title,
    items: names,
    okLabel: trans.__('OK'),
    cancelLabel: trans.__('Cancel')
  });
  if (!answer.button.accept || answer.value === null) {
    return null;
  }
  return candidates[names.indexOf(answer.value)] ?? null;
}
