/**
 * Time left of the user's servers: which ones the hub ends, the warning
 * before the end and the note after it.
 */
import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

// What this plugin provides is built at activation: lazy loading gains nothing.
/* eslint-disable jupyter/prefer-lazy-imports */
import { ServerLifetimes } from '../servers/lifetimes';
import { LifetimeNotifier } from '../widgets/lifetimeNotifier';
/* eslint-enable jupyter/prefer-lazy-imports */
import { INFDIHub, INFDILifetimes, INFDIServers } from '../tokens';

/**
 * Follows the lifetimes of the user's servers and tells the user.
 */
export const lifetimePlugin: JupyterFrontEndPlugin<INFDILifetimes> = {
  id: 'jupyterlab-nfdi-launcher:lifetime',
  description:
    'Follows how long NFDI servers have left, warns before the hub ends one and notes when it removed one.',
  autoStart: true,
  provides: INFDILifetimes,
  requires: [INFDIHub, INFDIServers],
  optional: [ITranslator],
  activate: (
    app: JupyterFrontEnd,
    hub: INFDIHub,
    servers: INFDIServers,
    translator: ITranslator | null
  ): INFDILifetimes => {
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_nfdi_launcher'
    );
    const lifetimes = new ServerLifetimes({
      hub,
      servers: servers.servers,
      launches: servers.launches
    });
    new LifetimeNotifier({
      lifetimes,
      servers: servers.servers,
      commands: app.commands,
      trans
    });
    // The servers plugin loads the list once at start-up; the warnings and
    // time left count down from it with no further request (the list is
    // asked again only while shown, or while a server starts or stops).
    return lifetimes;
  }
};
