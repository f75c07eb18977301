/**
 * Notifications that never hide the end of a message, nor cut it mid-word
 * (a URL cut short is worse than none).
 */
import { Dialog, Notification, showDialog } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

/** JupyterLab shows at most this many characters of a notification. */
export const NOTIFICATION_LENGTH = 140;

/**
 * A text cut to what a notification shows, at a space, with "…"; a single
 * word too long to fit (e.g. a URL) is left out rather than cut.
 */
export function shorten(text: string, length = NOTIFICATION_LENGTH): string {
  if (text.length <= length) {
    return text;
  }
  const head = text.slice(0, length - 1);
  const space = head.search(/\s\S*$/);
  return `${(space > 0 ? head.slice(0, space) : '').trimEnd()}…`;
}

/**
 * Emit a notification. With `details`, or a message longer than a
 * notification shows, it gets a "Details" action that shows all of it; the
 * notification itself shows the message cut at a space.
 *
 * @returns the notification's id
 */
export function notify(
  message: string,
  type: Notification.TypeOptions,
  options: {
    actions?: Notification.IAction[];
    autoClose?: number | false;
    /** More than the message says (e.g. the hub's full message), a click away. */
    details?: string;
  },
  trans: TranslationBundle
): string {
  const actions = [...(options.actions ?? [])];
  const shown = shorten(message);
  const parts = [
    shown !== message ? message : '',
    options.details && options.details !== message ? options.details : ''
  ].filter(part => part !== '');
  if (parts.length) {
    actions.push({
      label: trans.__('Details'),
      caption: trans.__('Show the whole message'),
      callback: () => {
        void showDialog({
          title: trans.__('NFDI'),
          body: React.createElement(
            'div',
            null,
            ...parts.map((part, index) =>
              React.createElement(
                'p',
                { className: 'jp-nfdi-message', key: index },
                part
              )
            )
          ),
          buttons: [Dialog.okButton({ label: trans.__('Close') })]
        });
      }
    });
  }
  return Notification.emit(shown, type, {
    actions,
    autoClose: options.autoClose ?? false
  });
}
