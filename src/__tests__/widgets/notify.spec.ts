import { Notification } from '@jupyterlab/apputils';
import { nullTranslator } from '@jupyterlab/translation';

import { notify, shorten } from '../../widgets/notify';
import { pressDialogButton } from './launchSetup';

const trans = nullTranslator.load('jupyterlab_nfdi_launcher');

describe('notify', () => {
  beforeEach(() => Notification.dismiss());

  it('cuts a long message at a space, never inside a URL, and keeps all of it a click away [F30]', async () => {
    const url = 'https://hub.example.org/jupyterhub/hub/token';
    const message = `${'The hub did not accept the API token. '.repeat(2)}Create a new token at ${url} and paste it into the settings, then try again.`;
    expect(message.indexOf(url)).toBeLessThan(140);
    expect(message.indexOf(url) + url.length).toBeGreaterThan(140);
    notify(message, 'error', {}, trans);
    const note = Notification.manager.notifications[0];
    expect(note.message.length).toBeLessThanOrEqual(140);
    expect(note.message.endsWith('at…')).toBe(true);
    expect(note.message).not.toContain('https://');
    note.options.actions
      ?.find(a => a.label === 'Details')
      ?.callback(new MouseEvent('click'));
    expect(await pressDialogButton('Close')).toContain(url);
  });

  it('shows explicit details beside a short message', async () => {
    notify(
      'Could not start A.',
      'error',
      { details: 'HTTP 502 from the proxy' },
      trans
    );
    const note = Notification.manager.notifications[0];
    expect(note.message).toBe('Could not start A.');
    note.options.actions
      ?.find(a => a.label === 'Details')
      ?.callback(new MouseEvent('click'));
    expect(await pressDialogButton('Close')).toBe('HTTP 502 from the proxy');
  });

  it('leaves a message that fits alone', () => {
    notify('Short.', 'info', {}, trans);
    expect(Notification.manager.notifications[0].options.actions).toEqual([]);
    expect(shorten('x'.repeat(200))).toBe('…');
  });
});
