/**
 * The browser tab a launch lands in, and opening a URL in a new tab.
 *
 * The tab is opened synchronously in the click or command handler, so no
 * popup blocker can stop it, shows a small "Starting…" page (text only), and
 * is sent to the server once it runs (or closed if the start fails).
 *
 * If this JupyterLab reloads meanwhile, the tab's own small script (see
 * `waitingScript.ts`) asks the reloaded page where its server is. It runs
 * where the page's Content-Security-Policy allows inline scripts (Jupyter
 * Server's default policy sets no `script-src`; the blank tab inherits the
 * opener's policy). Where it cannot run, the tab shows at once where to go
 * if nothing happens.
 */
import type { ILaunchTab } from '../launch/types';

/**
 * What the waiting page may know besides its title and first line.
 */
export interface IWaitingPageOptions {
  /** The hub's base URL: the only origin the page will go to by itself. */
  hubUrl?: string;
  /** Where to go if nothing happens (text), shown after a long wait. */
  hint?: string;
}

/**
 * Open a URL in a new browser tab that gets no handle on this page.
 */
export function openInNewTab(url: string): void {
  window.open(url, '_blank', 'noopener');
}

/**
 * A real browser tab.
 */
export class BrowserTab implements ILaunchTab {
  /**
   * Open a blank tab now (inside a user gesture) with a waiting page; `null`
   * if the browser refused.
   */
  static open(
    title: string,
    message: string,
    options: IWaitingPageOptions = {}
  ): BrowserTab | null {
    let win: Window | null = null;
    try {
      win = window.open('', '_blank');
    } catch {
      win = null;
    }
    if (!win) {
      return null;
    }
    // The server's page needs no handle on this JupyterLab.
    win.opener = null;
    const tab = new BrowserTab(win);
    tab._render(title, message, options);
    return tab;
  }

  private constructor(win: Window) {
    this._window = win;
  }

  /**
   * Settles once the waiting page's script is in: whether it runs, so the
   * page can find its server if this JupyterLab reloads.
   */
  get listening(): Promise<boolean> {
    return this._listening;
  }

  get closed(): boolean {
    return this._window.closed;
  }

  show(message: string, detail = ''): void {
    if (!this.closed && this._status && this._detail) {
      this._status.textContent = message;
      this._detail.textContent = detail;
    }
  }

  navigate(url: string): void {
    if (!this.closed) {
      // Tell the tab's own script that its opener sends it there, so that
      // it does not navigate a second time (which would abort this one).
      try {
        this._window.document.documentElement.setAttribute(
          'data-nfdi-landing',
          ''
        );
      } catch {
        // The tab has left the opener's origin: its script is gone anyway.
      }
      this._window.location.href = url;
    }
  }

  close(): void {
    if (!this.closed) {
      this._window.close();
    }
  }

  focus(): void {
    if (!this.closed) {
      this._window.focus();
    }
  }

  /**
   * Tell the page which server it waits for, so it can still reach it if
   * this JupyterLab reloads. Only the first call counts.
   */
  track(user: string, server: string): void {
    if (this.closed || this._tracked) {
      return;
    }
    this._tracked = true;
    try {
      const root = this._window.document.documentElement;
      root.setAttribute('data-nfdi-user', user);
      root.setAttribute('data-nfdi-server', server);
    } catch {
      // No access to the tab's document: nothing to tell it.
    }
  }

  private _render(
    title: string,
    message: string,
    options: IWaitingPageOptions
  ): void {
    try {
      const doc = this._window.document;
      doc.title = title;
      const style = doc.createElement('style');
      style.textContent =
        ':root{color-scheme:light dark}body{font-family:system-ui,sans-serif;' +
        'display:flex;align-items:center;justify-content:center;height:90vh}' +
        'main{text-align:center}p{opacity:.75}.detail{opacity:.6;font-size:.9em}' +
        '.hint{margin-top:2em;opacity:.9}';
      doc.head.appendChild(style);
      const main = doc.createElement('main');
      const heading = doc.createElement('h1');
      heading.textContent = title;
      this._status = doc.createElement('p');
      this._status.id = 'nfdi-status';
      this._status.textContent = message;
      this._detail = doc.createElement('div');
      this._detail.id = 'nfdi-detail';
      this._detail.className = 'detail';
      main.append(heading, this._status, this._detail);
      let hint: HTMLElement | null = null;
      if (options.hint) {
        hint = doc.createElement('p');
        hint.id = 'nfdi-hint';
        hint.className = 'hint';
        hint.textContent = options.hint;
        hint.hidden = true;
        main.append(hint);
      }
      doc.body.appendChild(main);
      this._listening = this._listen(doc, options.hubUrl).then(listening => {
        if (hint) {
          // Without its script (e.g. a policy that forbids inline scripts)
          // the page cannot find the server after a reload: say where to go.
          hint.hidden = listening;
        }
        return listening;
      });
    } catch {
      // Some browsers give no access to the new tab's document; it stays blank.
    }
  }

  /**
   * Start the page's script (loaded on first use: the tab opens without
   * waiting for it); whether it runs.
   */
  private async _listen(
    doc: Document,
    hubUrl: string | undefined
  ): Promise<boolean> {
    let url: URL;
    try {
      url = new URL(hubUrl ?? '');
    } catch {
      return false;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return false;
    }
    try {
      const { WAITING_SCRIPT } = await import('./waitingScript');
      if (this.closed) {
        return false;
      }
      const root = doc.documentElement;
      root.setAttribute('data-nfdi-hub', url.origin);
      const script = doc.createElement('script');
      script.textContent = WAITING_SCRIPT;
      doc.head.appendChild(script);
      // An inline script runs as it is inserted, unless a policy forbids it.
      return root.hasAttribute('data-nfdi-listening');
    } catch {
      return false;
    }
  }

  private readonly _window: Window;
  private _listening: Promise<boolean> = Promise.resolve(false);
  private _tracked = false;
  private _status: HTMLElement | null = null;
  private _detail: HTMLElement | null = null;
}
