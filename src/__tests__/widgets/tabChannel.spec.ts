import { Signal } from '@lumino/signaling';

import { ILaunch, ILaunches, LaunchPhase } from '../../launch/types';
import { BrowserTab } from '../../widgets/browserTab';
import { WaitingTabAnswerer } from '../../widgets/tabChannel';
import { ITabChannel, readQuestion } from '../../widgets/tabProtocol';
import { trans } from './fixtures';

const ORIGIN = 'https://hub.example.org';
const STATUS_URL = `${ORIGIN}/hub/api/start/alice/s1`;
const NEXT_URL = `${ORIGIN}/user/alice/s1/`;

const where = { kind: 'nfdi-where', hub: ORIGIN, user: 'alice', server: 's1' };
const address = { hub: ORIGIN, user: 'alice', server: 's1' };

class FakeChannel implements ITabChannel {
  posted: unknown[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  closed = false;
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  close(): void {
    this.closed = true;
  }
  /** A tab's message arrives. */
  receive(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }
}

class FakeLaunches implements ILaunches {
  launches: ILaunch[] = [];
  readonly changed: Signal<ILaunches, ILaunch> = new Signal(this);
  start = jest.fn();
  /** Put a launch in a phase and tell the listeners. */
  set(launch: ILaunch, phase: LaunchPhase, extra: Partial<ILaunch> = {}) {
    Object.assign(
      launch,
      { phase, isDone: !['starting', 'pending'].includes(phase) },
      extra
    );
    this.launches = this.launches.filter(l => l !== launch);
    if (!launch.isDone) {
      this.launches.push(launch);
    }
    this.changed.emit(launch);
  }
}

function launch(result: ILaunch['result'] = {}): ILaunch {
  return {
    label: 'Analysis',
    args: {},
    tab: null,
    phase: 'starting',
    isDone: false,
    result: {
      name: 's1',
      userName: 'alice',
      statusUrl: STATUS_URL,
      deleteUrl: `${ORIGIN}/hub/api/users/alice/servers/s1`,
      ...result
    },
    error: null,
    progress: null,
    hubHost: 'hub.example.org'
  } as unknown as ILaunch;
}

function setUp(now?: () => number) {
  const channel = new FakeChannel();
  const launches = new FakeLaunches();
  const answerer = new WaitingTabAnswerer({ launches, channel, trans, now });
  return { channel, launches, answerer };
}

describe('readQuestion', () => {
  it('reads a question and refuses anything else', () => {
    expect(readQuestion(where)).toEqual(where);
    for (const bad of [
      null,
      'nfdi-where',
      { ...where, kind: 'nfdi-running' },
      { ...where, hub: `${ORIGIN}/` },
      { ...where, hub: `${ORIGIN}/jhub` },
      { ...where, hub: 'javascript:alert(1)' },
      { ...where, hub: 'ftp://hub.example.org' },
      { ...where, user: '' },
      { ...where, server: 42 }
    ]) {
      expect(readQuestion(bad)).toBeNull();
    }
  });
});

describe('WaitingTabAnswerer', () => {
  it('says a server in flight is starting, only to a question about it', () => {
    const { channel, launches } = setUp();
    launches.set(launch(), 'pending');
    channel.receive({ ...where, server: 's2' });
    channel.receive({ ...where, user: 'bob' });
    channel.receive({ ...where, hub: 'https://other.example.org' });
    channel.receive({ ...where, kind: 'hello' });
    expect(channel.posted).toEqual([]);
    channel.receive(where);
    expect(channel.posted).toEqual([{ kind: 'nfdi-starting', ...address }]);
  });

  it("sends the server's checked next_url once it runs, and to later questions", () => {
    const { channel, launches } = setUp();
    const l = launch();
    launches.set(l, 'pending');
    launches.set(l, 'running', {
      result: { ...l.result, nextUrl: NEXT_URL }
    });
    const answer = { kind: 'nfdi-running', ...address, url: NEXT_URL };
    expect(channel.posted).toEqual([answer]);
    channel.receive(where);
    expect(channel.posted).toEqual([answer, answer]);
  });

  it('never sends a URL off the launch hub', () => {
    const { channel, launches } = setUp();
    const l = launch();
    launches.set(l, 'running', {
      result: {
        ...l.result,
        nextUrl: 'https://evil.example.org/user/alice/s1/'
      }
    });
    channel.receive(where);
    expect(channel.posted).toEqual([]);
  });

  it('says when a start ended without a server, as text [F13]', () => {
    const { channel, launches } = setUp();
    launches.set(launch(), 'failed');
    channel.receive(where);
    expect(channel.posted).toEqual([
      {
        kind: 'nfdi-ended',
        ...address,
        message:
          'Analysis did not start. The NFDI sidebar in JupyterLab tells more.'
      },
      {
        kind: 'nfdi-ended',
        ...address,
        message:
          'Analysis did not start. The NFDI sidebar in JupyterLab tells more.'
      }
    ]);
    const other = setUp();
    other.launches.set(launch(), 'cancelled');
    expect(other.channel.posted).toEqual([
      {
        kind: 'nfdi-ended',
        ...address,
        message: 'Cancelled starting Analysis.'
      }
    ]);
  });

  it('says nothing about a launch the hub has not named yet', () => {
    const { channel, launches } = setUp();
    launches.set(launch({ name: undefined, statusUrl: undefined }), 'starting');
    channel.receive(where);
    expect(channel.posted).toEqual([]);
  });

  it('forgets ended launches after half an hour', () => {
    let now = 0;
    const { channel, launches } = setUp(() => now);
    launches.set(launch({ nextUrl: NEXT_URL }), 'running');
    channel.posted = [];
    now = 31 * 60 * 1000;
    channel.receive(where);
    expect(channel.posted).toEqual([]);
  });

  it("tells a launch's waiting tab which server it waits for", () => {
    const doc = document.implementation.createHTMLDocument('');
    const win = {
      opener: window,
      closed: false,
      document: doc,
      location: { href: 'about:blank' },
      close: jest.fn(),
      focus: jest.fn()
    };
    const open = jest.spyOn(window, 'open').mockReturnValue(win as any);
    try {
      const tab = BrowserTab.open('A', 'a')!;
      const { launches } = setUp();
      const l = launch({ name: undefined });
      (l as { tab: unknown }).tab = tab;
      launches.set(l, 'starting');
      expect(doc.documentElement.hasAttribute('data-nfdi-server')).toBe(false);
      launches.set(l, 'pending', { result: { ...l.result, name: 's1' } });
      expect(doc.documentElement.getAttribute('data-nfdi-user')).toBe('alice');
      expect(doc.documentElement.getAttribute('data-nfdi-server')).toBe('s1');
    } finally {
      open.mockRestore();
    }
  });

  it('stops answering when disposed', () => {
    const { channel, launches, answerer } = setUp();
    launches.set(launch(), 'pending');
    answerer.dispose();
    expect(channel.closed).toBe(true);
    channel.receive(where);
    expect(channel.posted).toEqual([]);
  });
});
