/**
 * A launch notifier on a fake hub, as the start command wires it, for the
 * notification tests.
 */
import { Dialog, Notification } from '@jupyterlab/apputils';
import { nullTranslator } from '@jupyterlab/translation';

import { INFDISettings } from '../../connection/settings';
import { LaunchManager, LaunchTuning } from '../../launch/manager';
import { ILaunchTab, IStartArgs } from '../../launch/types';
import { ServersModel } from '../../servers/model';
import { IServersModel } from '../../servers/types';
import { LaunchNotifier } from '../../widgets/launchNotifier';
import { makeHub } from '../fakeHub';
import { FakeFetch } from '../hub/fakeFetch';
import { HUB } from '../hub/startAnswers';

/** A waiting tab that records what it is told. */
export class FakeTab implements ILaunchTab {
  closed = false;
  messages: string[] = [];
  url: string | null = null;
  focused = 0;
  details: string[] = [];
  show(message: string, detail = ''): void {
    this.messages.push(message);
    this.details.push(detail);
  }
  navigate(url: string): void {
    this.url = url;
  }
  close(): void {
    this.closed = true;
  }
  focus(): void {
    this.focused += 1;
  }
}

/** A notifier on `fake`, with the tabs it opens and what it opened. */
export function setup(
  fake: FakeFetch,
  settings: Partial<INFDISettings> = {},
  token = 'tok',
  extra: {
    servers?: IServersModel;
    /** A servers model of its own on this hub (not loaded yet). */
    withServers?: boolean;
    tuning?: LaunchTuning;
  } = {}
) {
  const tabs: FakeTab[] = [];
  const opened: string[] = [];
  const shown: number[] = [];
  const hub = makeHub(fake, {
    hubUrl: HUB,
    token,
    settings: {
      defaultOptions: { system: 'JSC-Cloud' },
      launchers: [
        {
          title: 'Minimal',
          caption: '',
          options: { option: 'custom', custom: { customimage: 'img:1' } }
        }
      ],
      startTimeout: 5,
      ...settings
    }
  });
  const servers =
    extra.servers ??
    (extra.withServers
      ? new ServersModel(hub, { refreshInterval: 60 * 1000 })
      : undefined);
  const manager = new LaunchManager({
    hub,
    servers,
    tuning: extra.tuning ?? {
      pollInterval: { first: 5, max: 10 },
      stoppedGrace: 0
    }
  });
  const openTab = () => {
    const tab = new FakeTab();
    tabs.push(tab);
    return tab;
  };
  const notifier: LaunchNotifier = new LaunchNotifier({
    launches: manager,
    hub,
    trans: nullTranslator.load('jupyterlab_nfdi_launcher'),
    openUrl: url => opened.push(url),
    showServers: () => shown.push(1),
    retry: args => void notifier.start(args, { openTab }).catch(() => null)
  });
  // What the start command does inside the user's click.
  const flow = {
    start: (args: IStartArgs = {}) => notifier.start(args, { openTab })
  };
  return { flow, manager, tabs, opened, shown, hub, servers };
}

/** The newest notification. */
export function lastNotification(): Notification.INotification {
  const all = Notification.manager.notifications;
  return all[0];
}

/** The action of the newest notification with that label. */
export function action(label: string): Notification.IAction | undefined {
  return lastNotification().options.actions?.find(a => a.label === label);
}

/**
 * Wait for the dialog on screen and press its button with that label
 * (`before`: just before); the dialog's text.
 */
export async function pressDialogButton(
  label: string,
  before?: () => void
): Promise<string> {
  for (let i = 0; i < 100 && !document.querySelector('.jp-Dialog'); i++) {
    await new Promise(resolve => setTimeout(resolve, 10));
  }
  const dialog = document.querySelector('.jp-Dialog');
  if (!dialog) {
    throw new Error('No dialog');
  }
  const text = dialog.querySelector('.jp-Dialog-body')?.textContent ?? '';
  const button = Array.from(dialog.querySelectorAll('button')).find(
    b => b.textContent === label
  );
  if (!button) {
    throw new Error(`No button ${label} in ${dialog.textContent}`);
  }
  before?.();
  button.click();
  Dialog.flush();
  return text;
}
