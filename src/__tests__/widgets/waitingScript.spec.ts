import { WAITING_SCRIPT } from '../../widgets/waitingScript';

const ORIGIN = 'https://hub.example.org';

/** A BroadcastChannel that records what the page posts. */
class FakeBroadcastChannel {
  static last: FakeBroadcastChannel | null = null;
  constructor(readonly name: string) {
    FakeBroadcastChannel.last = this;
  }
  posted: unknown[] = [];
  closed = false;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  close(): void {
    this.closed = true;
  }
}

/** The waiting page as the opener writes it, with its script running. */
function runPage(options: { hub?: string } = { hub: ORIGIN }) {
  const doc = document.implementation.createHTMLDocument('');
  if (options.hub) {
    doc.documentElement.setAttribute('data-nfdi-hub', options.hub);
  }
  const status = doc.createElement('p');
  status.id = 'nfdi-status';
  status.textContent = 'Starting Analysis…';
  const detail = doc.createElement('div');
  detail.id = 'nfdi-detail';
  detail.textContent = '40%';
  const hint = doc.createElement('p');
  hint.id = 'nfdi-hint';
  hint.hidden = true;
  doc.body.append(status, detail, hint);
  const location = { href: 'about:blank' };
  FakeBroadcastChannel.last = null;
  new Function('document', 'location', 'BroadcastChannel', WAITING_SCRIPT)(
    doc,
    location,
    FakeBroadcastChannel
  );
  const channel = FakeBroadcastChannel.last as FakeBroadcastChannel | null;
  const track = (user: string, server: string) => {
    doc.documentElement.setAttribute('data-nfdi-user', user);
    doc.documentElement.setAttribute('data-nfdi-server', server);
  };
  const answer = (data: unknown) => channel!.onmessage?.({ data });
  return { doc, location, channel, track, answer, status, detail, hint };
}

const address = { hub: ORIGIN, user: 'alice', server: 's1' };
const running = (url: string, extra = {}) => ({
  kind: 'nfdi-running',
  ...address,
  url,
  ...extra
});

describe('The waiting page script', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('asks where its server is once the opener named it, on its own channel', () => {
    const page = runPage();
    expect(page.doc.documentElement.hasAttribute('data-nfdi-listening')).toBe(
      true
    );
    expect(page.channel!.name).toBe('jupyterlab-nfdi-launcher:waiting-tabs');
    jest.advanceTimersByTime(6000);
    expect(page.channel!.posted).toEqual([]);
    page.track('alice', 's1');
    jest.advanceTimersByTime(2000);
    expect(page.channel!.posted).toEqual([{ kind: 'nfdi-where', ...address }]);
    // What it was told first holds.
    page.track('mallory', 'x');
    jest.advanceTimersByTime(2000);
    expect(page.channel!.posted).toEqual([
      { kind: 'nfdi-where', ...address },
      { kind: 'nfdi-where', ...address }
    ]);
  });

  it("goes to its server's URL on the hub", () => {
    const page = runPage();
    page.track('alice', 's1');
    jest.advanceTimersByTime(2000);
    page.answer(running(`${ORIGIN}/user/alice/s1/lab?reset`));
    expect(page.location.href).toBe(`${ORIGIN}/user/alice/s1/lab?reset`);
    expect(page.channel!.closed).toBe(true);
  });

  it('stands down when its opener sends it to the server itself', () => {
    const page = runPage();
    page.track('alice', 's1');
    jest.advanceTimersByTime(2000);
    expect(page.channel!.posted).toHaveLength(1);
    // What BrowserTab.navigate does before it sets the tab's location.
    page.doc.documentElement.setAttribute('data-nfdi-landing', '');
    page.answer(running(`${ORIGIN}/user/alice/s1/lab`));
    expect(page.location.href).toBe('about:blank');
    expect(page.channel!.closed).toBe(true);
    jest.advanceTimersByTime(10000);
    expect(page.channel!.posted).toHaveLength(1);
  });

  it('goes nowhere else', () => {
    const page = runPage();
    page.track('alice', 's1');
    jest.advanceTimersByTime(2000);
    for (const url of [
      'https://evil.example.org/user/alice/s1/',
      'http://hub.example.org/user/alice/s1/',
      'javascript:alert(1)//user/alice/s1/',
      `${ORIGIN}/user/bob/s1/`,
      `${ORIGIN}/user/alice/s2/`,
      `${ORIGIN}/user/alice/s1x/`,
      `https://alice:pw@hub.example.org/user/alice/s1/`,
      'not a url'
    ]) {
      page.answer(running(url));
    }
    // Right URL, but an answer about another server or hub.
    page.answer(running(`${ORIGIN}/user/alice/s1/`, { server: 's2' }));
    page.answer(
      running(`${ORIGIN}/user/alice/s1/`, { hub: 'https://other.example.org' })
    );
    page.answer(running(`${ORIGIN}/user/alice/s1/`, { kind: 'nfdi-where' }));
    page.answer({ ...address, kind: 'nfdi-running', url: 42 });
    page.answer('nfdi-running');
    expect(page.location.href).toBe('about:blank');
    expect(page.channel!.closed).toBe(false);
  });

  it('ignores answers before it knows its server', () => {
    const page = runPage();
    page.answer(running(`${ORIGIN}/user/alice/s1/`));
    expect(page.location.href).toBe('about:blank');
  });

  it('says where to go while nobody answers for a minute', () => {
    const page = runPage();
    page.track('alice', 's1');
    jest.advanceTimersByTime(30 * 1000);
    page.answer({ kind: 'nfdi-starting', ...address });
    jest.advanceTimersByTime(50 * 1000);
    expect(page.hint.hidden).toBe(true);
    jest.advanceTimersByTime(12 * 1000);
    expect(page.hint.hidden).toBe(false);
    // A JupyterLab answers again (e.g. the reloaded one): the hint goes.
    page.answer({ kind: 'nfdi-starting', ...address });
    expect(page.hint.hidden).toBe(true);
  });

  it('says where to go when the opener never named the server', () => {
    const page = runPage();
    jest.advanceTimersByTime(62 * 1000);
    expect(page.hint.hidden).toBe(false);
    expect(page.channel!.posted).toEqual([]);
  });

  it('shows why a start ended, as text, and stops asking [F13]', () => {
    const page = runPage();
    page.track('alice', 's1');
    jest.advanceTimersByTime(2000);
    page.answer({
      kind: 'nfdi-ended',
      ...address,
      message: '<b>Analysis</b> did not start.'
    });
    expect(page.status.textContent).toBe('<b>Analysis</b> did not start.');
    expect(page.doc.querySelector('b')).toBeNull();
    expect(page.detail.textContent).toBe('');
    expect(page.hint.hidden).toBe(false);
    expect(page.channel!.closed).toBe(true);
    const asked = page.channel!.posted.length;
    jest.advanceTimersByTime(10 * 1000);
    expect(page.channel!.posted).toHaveLength(asked);
  });

  it('does nothing without a hub origin', () => {
    const page = runPage({});
    expect(page.channel).toBeNull();
    expect(page.doc.documentElement.hasAttribute('data-nfdi-listening')).toBe(
      false
    );
  });
});
