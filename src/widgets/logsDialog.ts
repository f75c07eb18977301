/**
 * A stopped server's exit code and last log lines, in a dialog, as text.
 */
import { Dialog, showDialog } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

/**
 * Show a stopped server's exit code and logs.
 */
export function showLogs(
  label: string,
  exitCode: number | null,
  logs: string[],
  trans: TranslationBundle
): Promise<Dialog.IResult<unknown>> {
  const body = React.createElement(
    'div',
    { className: 'jp-nfdi-logs' },
    React.createElement(
      'p',
      null,
      exitCode === null
        ? trans.__('Exit code unknown.')
        : trans.__('Exit code: %1', exitCode)
    ),
    React.createElement(
      'pre',
      { className: 'jp-nfdi-logs-text' },
      logs.length ? logs.join('\n') : trans.__('The hub sent no log lines.')
    )
  );
  return showDialog({
    title: trans.__('Logs of %1', label),
    body,
    buttons: [Dialog.okButton({ label: trans.__('Close') })]
  });
}
