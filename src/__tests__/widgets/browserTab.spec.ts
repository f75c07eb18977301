import { BrowserTab } from '../../widgets/browserTab';

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
});
