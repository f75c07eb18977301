/**
 * The browser tab a launch lands in, and opening a URL in a new tab.
 *
 * The tab is opened synchronously in the click or command handler, so no
 * popup blocker can stop it, shows a small "Starting…" page (text only), and
 * is sent to the server once it runs (or closed if the start fails).
 */
import type { ILaunchTab } from '../launch/types';

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
  static open(title: string, message: string): BrowserTab | null {
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
    tab._render(title, message);
    return tab;
  }

  private constructor(win: Window) {
    this._window = win;
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

  private _render(title: string, message: string): void {
    try {
      const doc = this._window.document;
      doc.title = title;
      const style = doc.createElement('style');
      style.textContent =
        ':root{color-scheme:light dark}body{font-family:system-ui,sans-serif;' +
        'display:flex;align-items:center;justify-content:center;height:90vh}' +
        'main{text-align:center}p{opacity:.75}.detail{opacity:.6;font-size:.9em}';
      doc.head.appendChild(style);
      const main = doc.createElement('main');
      const heading = doc.createElement('h1');
      heading.textContent = title;
      this._status = doc.createElement('p');
      this._status.textContent = message;
      this._detail = doc.createElement('div');
      this._detail.className = 'detail';
      main.append(heading, this._status, this._detail);
      doc.body.appendChild(main);
    } catch {
      // Some browsers give no access to the new tab's document; it stays blank.
    }
  }

  private readonly _window: Window;
  private _status: HTMLElement | null = null;
  private _detail: HTMLElement | null = null;
}
