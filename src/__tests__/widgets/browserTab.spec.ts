import { BrowserTab } from '../../widgets/browserTab';
import { WAITING_SCRIPT } from '../../widgets/waitingScript';

/** A window as `window.open('', '_blank')` gives it, with its own document. */
function fakeWindow() {
  const doc = document.implementation.createHTMLDocument('');
  return {
    opener: window as unknown,
    closed: false,
    document: doc,
    location: { href: 'about:blank' },
    close() {
      this.closed = true;
    },
    focus: jest.fn()
  };
}

describe('BrowserTab', () => {
  let open: jest.SpyInstance;
  afterEach(() => open.mockRestore());

  it('opens a blank tab with no handle on this page and a text-only waiting page', () => {
    const win = fakeWindow();
    open = jest.spyOn(window, 'open').mockReturnValue(win as any);
    const tab = BrowserTab.open('Starting <b>A</b>…', 'Starting on hub…');
    expect(open).toHaveBeenCalledWith('', '_blank');
    expect(win.opener).toBeNull();
    expect(tab).not.toBeNull();
    expect(win.document.title).toBe('Starting <b>A</b>…');
    // Text, never markup: the label may come from the hub or the settings.
    expect(win.document.querySelector('b')).toBeNull();
    expect(win.document.querySelector('h1')?.textContent).toBe(
      'Starting <b>A</b>…'
    );
    tab!.show('<img src=x>', '40%: <script>');
    expect(win.document.querySelector('img')).toBeNull();
    expect(win.document.querySelector('script')).toBeNull();
    expect(win.document.body.textContent).toContain('<img src=x>');
    expect(win.document.body.textContent).toContain('40%: <script>');
  });

  it('navigates, focuses and closes the tab it opened', () => {
    const win = fakeWindow();
    open = jest.spyOn(window, 'open').mockReturnValue(win as any);
    const tab = BrowserTab.open('A', 'a')!;
    tab.focus();
    expect(win.focus).toHaveBeenCalled();
    tab.navigate('https://hub.example.org/user/a/s1/lab');
    expect(win.location.href).toBe('https://hub.example.org/user/a/s1/lab');
    // Its own script is told to stand down (see waitingScript.spec.ts).
    expect(win.document.documentElement.hasAttribute('data-nfdi-landing')).toBe(
      true
    );
    tab.close();
    expect(tab.closed).toBe(true);
    // A closed tab is left alone.
    tab.navigate('https://elsewhere.example.org/');
    expect(win.location.href).toBe('https://hub.example.org/user/a/s1/lab');
  });

  it('is null when the browser blocks the popup', () => {
    open = jest.spyOn(window, 'open').mockReturnValue(null);
    expect(BrowserTab.open('A', 'a')).toBeNull();
  });

  describe('after a reload of this JupyterLab', () => {
    const hint =
      'If nothing happens here, open the NFDI sidebar in JupyterLab, or go to https://hub.example.org/hub/home';

    it('gives the page its script and the hub origin it may go to', async () => {
      const win = fakeWindow();
      open = jest.spyOn(window, 'open').mockReturnValue(win as any);
      // The page's script runs as it is inserted (jsdom runs none: pretend).
      const insert = jest
        .spyOn(win.document.head, 'appendChild')
        .mockImplementation(node => {
          if ((node as HTMLElement).tagName === 'SCRIPT') {
            win.document.documentElement.setAttribute(
              'data-nfdi-listening',
              ''
            );
          }
          return HTMLHeadElement.prototype.appendChild.call(
            win.document.head,
            node
          );
        });
      const tab = BrowserTab.open('A', 'a', {
        hubUrl: 'https://hub.example.org/jhub/',
        hint
      })!;
      await expect(tab.listening).resolves.toBe(true);
      const root = win.document.documentElement;
      expect(root.getAttribute('data-nfdi-hub')).toBe(
        'https://hub.example.org'
      );
      expect(win.document.querySelector('script')?.textContent).toBe(
        WAITING_SCRIPT
      );
      // The hint waits until nobody answers for a while.
      const shown = win.document.getElementById('nfdi-hint')!;
      expect(shown.textContent).toBe(hint);
      expect(shown.hidden).toBe(true);
      insert.mockRestore();
    });

    it('says where to go at once where the script cannot run', async () => {
      const win = fakeWindow();
      open = jest.spyOn(window, 'open').mockReturnValue(win as any);
      const tab = BrowserTab.open('A', 'a', {
        hubUrl: 'https://hub.example.org/',
        hint
      })!;
      await expect(tab.listening).resolves.toBe(false);
      expect(win.document.getElementById('nfdi-hint')!.hidden).toBe(false);
    });

    it('adds no script without an http(s) hub', async () => {
      const win = fakeWindow();
      open = jest.spyOn(window, 'open').mockReturnValue(win as any);
      const tab = BrowserTab.open('A', 'a', {
        hubUrl: 'javascript:alert(1)',
        hint
      })!;
      await expect(tab.listening).resolves.toBe(false);
      expect(win.document.querySelector('script')).toBeNull();
      expect(win.document.documentElement.hasAttribute('data-nfdi-hub')).toBe(
        false
      );
    });

    it('tells the page its server once', () => {
      const win = fakeWindow();
      open = jest.spyOn(window, 'open').mockReturnValue(win as any);
      const tab = BrowserTab.open('A', 'a')!;
      tab.track('alice', 's1');
      tab.track('bob', 's2');
      const root = win.document.documentElement;
      expect(root.getAttribute('data-nfdi-user')).toBe('alice');
      expect(root.getAttribute('data-nfdi-server')).toBe('s1');
    });
  });
});
