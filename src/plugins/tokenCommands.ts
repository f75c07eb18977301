/**
 * The commands around the API token: set it, and open the hub's token page.
 */
import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { InputDialog } from '@jupyterlab/apputils';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { CommandIDs } from '../commandIds';
import { INFDIHub } from '../tokens';
import { openInNewTab } from '../widgets/browserTab';

/**
 * Adds the commands to set the API token and to open the hub's token page.
 */
export const tokenCommandsPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-nfdi-launcher:token-commands',
  description:
    "Adds the commands to set the NFDI hub's API token and to open the hub's token page.",
  autoStart: true,
  requires: [INFDIHub],
  optional: [ITranslator],
  activate: (
    app: JupyterFrontEnd,
    hub: INFDIHub,
    translator: ITranslator | null
  ): void => {
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_nfdi_launcher'
    );
    const { commands } = app;

    commands.addCommand(CommandIDs.setToken, {
      label: trans.__('Set the NFDI Hub API Token'),
      caption: trans.__(
        'Paste the API token for the NFDI hub (saved in the settings)'
      ),
      describedBy: {
        args: {
          type: 'object',
          properties: {
            token: {
              type: 'string',
              description: 'The token. Without it, the user is asked for it.'
            }
          }
        }
      },
      execute: async args => {
        let token = typeof args.token === 'string' ? args.token : null;
        if (token === null) {
          const answer = await InputDialog.getPassword({
            title: trans.__('API token for %1', hub.hubUrl),
            label: trans.__(
              'Create a token on the hub (%1) and paste it here. It needs the scopes read:servers, servers and delete:servers (access:servers to reach your servers); a token made without choosing scopes has all of yours.',
              hub.client?.tokenPageUrl ?? hub.hubUrl
            ),
            okLabel: trans.__('Save'),
            cancelLabel: trans.__('Cancel')
          });
          if (!answer.button.accept || !answer.value) {
            return;
          }
          token = answer.value;
        }
        await hub.setToken(token);
      }
    });

    commands.addCommand(CommandIDs.openTokenPage, {
      label: trans.__("Open the NFDI Hub's Token Page"),
      caption: trans.__('Open the page where you create API tokens on the hub'),
      describedBy: { args: { type: 'object', properties: {} } },
      isEnabled: () => hub.client !== null,
      execute: () => {
        const url = hub.client?.tokenPageUrl;
        if (url) {
          openInNewTab(url);
        }
      }
    });
  }
};
