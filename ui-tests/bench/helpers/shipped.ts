/**
 * What the extension ships and what a page loads of it, gzipped, and the
 * performance measures it leaves in the page.
 */
import { Page, Response } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

import { REPO_ROOT } from '../../tests/helpers/localhub';

const EXTENSION = 'jupyterlab-nfdi-launcher';

/** gzip (default level) size in bytes. */
export function gzipSize(data: Buffer): number {
  return zlib.gzipSync(data).length;
}

/**
 * The built labextension's `static/` folder JupyterLab serves: the one
 * installed in the virtualenv (in development mode, a link to this
 * checkout's build), else this checkout's build.
 */
export function staticDir(): string {
  const candidates = [
    path.join(
      REPO_ROOT,
      '.venv/share/jupyter/labextensions',
      EXTENSION,
      'static'
    ),
    path.join(REPO_ROOT, 'jupyterlab_nfdi_launcher/labextension/static')
  ];
  const found = candidates.find(dir => fs.existsSync(dir));
  if (!found) {
    throw new Error(`No built labextension in ${candidates.join(' or ')}`);
  }
  return fs.realpathSync(found);
}

/** Every `.js` file of the build with its gzipped size (source maps left out). */
export function shippedFiles(): { dir: string; files: Record<string, number> } {
  const dir = staticDir();
  const files: Record<string, number> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.endsWith('.js')) {
      files[name] = gzipSize(fs.readFileSync(path.join(dir, name)));
    }
  }
  return { dir, files };
}

/**
 * Records the extension's files `page` loads from now on: file name →
 * gzipped size of the body the browser got.
 */
export class LoadedFiles {
  constructor(private readonly _page: Page) {
    _page.on('response', this._onResponse);
  }

  /** Stop recording. */
  dispose(): void {
    this._page.off('response', this._onResponse);
  }

  /** The files loaded so far (waits for their bodies). */
  async files(): Promise<Record<string, number>> {
    const files: Record<string, number> = {};
    for (const [name, size] of await Promise.all(this._pending)) {
      if (size !== null) {
        files[name] = size;
      }
    }
    return files;
  }

  private _onResponse = (response: Response): void => {
    const url = new URL(response.url());
    const marker = `/extensions/${EXTENSION}/static/`;
    const at = url.pathname.indexOf(marker);
    if (at < 0 || !url.pathname.endsWith('.js')) {
      return;
    }
    const name = url.pathname.slice(at + marker.length);
    this._pending.push(
      response
        .body()
        .then(body => [name, gzipSize(body)] as [string, number | null])
        .catch(() => [name, null] as [string, number | null])
    );
  };

  private _pending: Promise<[string, number | null]>[] = [];
}

/** The page's performance measures whose name starts with `prefix`. */
export function measures(
  page: Page,
  prefix: string
): Promise<{ name: string; duration: number; startTime: number }[]> {
  return page.evaluate(
    prefix =>
      performance
        .getEntriesByType('measure')
        .filter(entry => entry.name.startsWith(prefix))
        .map(({ name, duration, startTime }) => ({
          name,
          duration,
          startTime
        })),
    prefix
  );
}
