/**
 * Notifications that never hide the end of a message.
 */
import { Dialog, Notification, showDialog } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

/** JupyterLab shows at most this many characters of a notification. */
export const NOTIFICATION_LENGTH = 140;

/**
 * Emit a notification; if the message is longer than a notification shows,
 * add a "Details" action that shows all of it.
 *
 * @returns the notification's id
 */
export function notify(
  message: string,
  type: Notification.TypeOptions,
  options: {
    actions?: Notification.IAction[];
    autoClose?: number | false;
  },
  trans: TranslationBundle
): string {
  const actions = [...(options.actions ?? [])];
  if (message.length > NOTIFICATION_LENGTH) {
    actions.push({
      label: trans.__('Details'),
      caption: trans.__('Show the whole message'),
      callback: () => {
        void showDialog({
          title: trans.__('NFDI'),
          body: React.createElement(
            'p',
            { className: 'jp-nfdi-message' },
            message
          ),
          buttons: [Dialog.okButton({ label: trans.__('Close') })]
        });
      }
    });
  }
  return Notification.emit(message, type, {
    actions,
    autoClose: options.autoClose ?? false
  });
}
