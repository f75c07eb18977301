/**
 * The project's local hub (hub/localhub.py) as a child process of the tests,
 * and helpers to talk to its REST API from Node.
 *
 * One hub per spec file: start it in `beforeAll`, stop it in `afterAll`.
 * Each hub gets a free port and a fresh state directory, removed on stop.
 */
import { expect } from '@playwright/test';
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

import { watchTokens } from './guardFixture';

/** The repository root (ui-tests/tests/helpers → ../../..). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const PYTHON =
  process.env.NFDI_UI_TEST_PYTHON || path.join(REPO_ROOT, '.venv/bin/python');
const LOCALHUB = path.join(REPO_ROOT, 'hub', 'localhub.py');

/**
 * The demo user (hub/nfdi_local_hub/constants.py). Its password and token
 * are drawn by each hub: `LocalHub.password`, `LocalHub.token`.
 */
export const DEMO_USER = 'demo';

/** The extension's settings plugin. */
export const PLUGIN_ID = 'jupyterlab-nfdi-launcher:plugin';

/** How a hub answers about one server (JupyterHub's server model). */
export interface IHubServer {
  name: string;
  ready: boolean;
  pending: string | null;
  stopped: boolean;
  url: string;
  user_options: Record<string, any>;
}

/** Options of `LocalHub.start`. */
export interface ILocalHubOptions {
  /** `--preset-token`: demo's JupyterLab settings hold the demo token. */
  presetToken?: boolean;
  /** `--cors-origin ORIGIN`. */
  corsOrigin?: string;
  /** `--base-url PREFIX`, e.g. `/jhub/` (default `/`). */
  baseUrl?: string;
  /**
   * `--nfdi-quirks`: behave like the real hub where it is odd (the first
   * status after a 202 says `stopped` with the configuration's previous exit
   * code; DELETE of a stopped server answers 404).
   */
  quirks?: boolean;
  /**
   * `--api-server-lifetime SECONDS`: servers started through
   * `POST /hub/api/start` are stopped and their configuration deleted this
   * long after the start (hub default 3600; 0 = no limit).
   */
  apiServerLifetime?: number;
  /**
   * `--reuse` / `--no-reuse`: a start with the options of an existing
   * configuration starts (or answers for) that one (hub default: on).
   */
  reuse?: boolean;
  /**
   * `--page-token-scopes`: `oauth_client_allowed_scopes` of the spawned
   * JupyterLabs, e.g. `['servers!user', 'access:servers']` (hub default: none).
   */
  pageTokenScopes?: string[];
  /**
   * `--flavor-max SYSTEM/FLAVOR=N` for each entry, e.g. `{ 'JSC-Cloud/l2': 1 }`:
   * that flavor's `max` in `outpostflavors`; starts beyond it are refused.
   */
  flavorMax?: Record<string, number>;
  /**
   * `--status-creates-configuration` / `--no-status-creates-configuration`:
   * a status request for an unknown server name creates an empty
   * configuration, as the real hub does (hub default: on).
   */
  statusCreatesConfiguration?: boolean;
  /**
   * Extension settings to write for demo before the hub starts (the file
   * `--preset-token` would write), e.g. `{ token: 'wrong' }`.
   */
  demoSettings?: Record<string, unknown>;
  /** Seconds to wait for the ready line (default 90). */
  timeout?: number;
}

/** A free TCP port on 127.0.0.1 (never 8888, the standalone JupyterLab). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address() as net.AddressInfo;
        server.close(() => resolve(address.port));
      });
    });
    if (port !== 8888) {
      return port;
    }
  }
}

/**
 * A running local hub.
 */
export class LocalHub {
  private constructor(
    readonly port: number,
    readonly stateDir: string,
    private readonly _process: ChildProcess,
    private readonly _output: string[],
    baseUrl = '/'
  ) {
    this.origin = `http://127.0.0.1:${port}`;
    this.url = `${this.origin}${baseUrl}`;
    this.api = `${this.url}hub/api`;
  }

  /** demo's API token, as this hub made it (its state dir's credentials). */
  get token(): string {
    return this._credentials().demo_token;
  }

  /** The users' password, as this hub made it. */
  get password(): string {
    return this._credentials().password;
  }

  private _credentials(): { demo_token: string; password: string } {
    if (!this._credentialsRead) {
      // Written (mode 0600) before the hub starts; kept for its state dir.
      this._credentialsRead = JSON.parse(
        fs.readFileSync(path.join(this.stateDir, 'credentials.json'), 'utf-8')
      );
    }
    return this._credentialsRead!;
  }

  private _credentialsRead: { demo_token: string; password: string } | null =
    null;

  /** e.g. `http://127.0.0.1:41234` */
  readonly origin: string;
  /** The hub's base URL, ending in `/`. */
  readonly url: string;
  /** `<url>hub/api` */
  readonly api: string;

  /**
   * Start `localhub.py` on a free port with a fresh state dir and wait for
   * its ready line.
   */
  static async start(options: ILocalHubOptions = {}): Promise<LocalHub> {
    try {
      return await LocalHub._start(options);
    } catch (error) {
      // The free port may have been taken between our check and the hub's
      // bind (two hubs start at once in some specs): try once more.
      console.warn(`Retrying the local hub's start after: ${error}`);
      return LocalHub._start(options);
    }
  }

  private static async _start(options: ILocalHubOptions): Promise<LocalHub> {
    const port = await freePort();
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nfdi-ui-hub-'));
    const userSettings = path.join(
      stateDir,
      'users',
      DEMO_USER,
      '.jupyter/lab/user-settings'
    );
    // (The hub itself keeps its users' JupyterLabs from asking about news.)
    if (options.demoSettings) {
      writeJSON(
        path.join(
          userSettings,
          'jupyterlab-nfdi-launcher/plugin.jupyterlab-settings'
        ),
        options.demoSettings
      );
    }
    const args = [LOCALHUB, '--port', String(port), '--state-dir', stateDir];
    if (process.getuid?.() === 0) {
      // CI runs as root; the hub refuses that without the flag.
      args.push('--allow-root');
    }
    if (options.presetToken) {
      args.push('--preset-token');
    }
    if (options.corsOrigin) {
      args.push('--cors-origin', options.corsOrigin);
    }
    if (options.baseUrl) {
      args.push('--base-url', options.baseUrl);
    }
    if (options.quirks) {
      args.push('--nfdi-quirks');
    }
    if (options.apiServerLifetime !== undefined) {
      args.push('--api-server-lifetime', String(options.apiServerLifetime));
    }
    if (options.reuse !== undefined) {
      args.push(options.reuse ? '--reuse' : '--no-reuse');
    }
    if (options.pageTokenScopes?.length) {
      args.push('--page-token-scopes', options.pageTokenScopes.join(','));
    }
    for (const [flavor, max] of Object.entries(options.flavorMax ?? {})) {
      args.push('--flavor-max', `${flavor}=${max}`);
    }
    if (options.statusCreatesConfiguration !== undefined) {
      args.push(
        options.statusCreatesConfiguration
          ? '--status-creates-configuration'
          : '--no-status-creates-configuration'
      );
    }
    const child = spawn(PYTHON, args, {
      cwd: path.join(REPO_ROOT, 'hub'),
      env: { ...process.env, PYTHONUNBUFFERED: '1' },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    const output: string[] = [];
    // The hub's output, also kept in its state dir (see
    // NFDI_UI_TEST_KEEP_HUB_STATE); best effort, as that dir goes on stop.
    const log = fs.createWriteStream(path.join(stateDir, 'localhub.out'));
    log.on('error', () => undefined);
    child.once('exit', () => log.end());
    const hub = new LocalHub(port, stateDir, child, output, options.baseUrl);

    const timeout = (options.timeout ?? 90) * 1000;
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      let buffer = '';
      const timer = setTimeout(() => {
        fail(`no ready line within ${timeout / 1000} s`);
      }, timeout);
      const fail = (why: string) => {
        if (settled) {
          return;
        }
        settled = true;
        clearTimeout(timer);
        void hub
          .stop()
          .finally(() =>
            reject(
              new Error(
                `The local hub did not start (${why}):\n${hub.output()}`
              )
            )
          );
      };
      const onData = (chunk: Buffer) => {
        const text = chunk.toString();
        output.push(text);
        log.write(text);
        if (output.length > 2000) {
          output.splice(0, output.length - 1000);
        }
        if (settled) {
          return;
        }
        buffer += text;
        if (/NFDI local hub ready: /.test(buffer)) {
          settled = true;
          clearTimeout(timer);
          resolve();
        } else if (buffer.length > 10000) {
          buffer = buffer.slice(-200);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', code => fail(`it exited with ${code}`));
      child.once('error', error => fail(String(error)));
    });
    // Every test's request guard watches this hub's token until it stops.
    hub._unwatch = watchTokens(hub.origin, [hub.token]);
    return hub;
  }

  /** The last lines the hub printed (for failure messages). */
  output(chars = 4000): string {
    return this._output.join('').slice(-chars);
  }

  /**
   * Stop the hub (SIGTERM, which stops its servers) and wait for it to exit
   * (SIGKILL after 30 s), then remove its state dir.
   */
  stop(): Promise<void> {
    if (!this._stopped) {
      this._stopped = this._stop();
    }
    return this._stopped;
  }

  private async _stop(): Promise<void> {
    this._unwatch();
    const child = this._process;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30 * 1000);
      await exited;
      clearTimeout(timer);
    }
    // The hub stops its servers on SIGTERM; anything still running below the
    // state dir (servers run there) would be a hub bug: say so, and kill it.
    const leftovers = processesBelow(this.stateDir);
    for (const pid of leftovers) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    if (leftovers.length) {
      console.warn(
        `The local hub left ${leftovers.length} process(es) running below ${this.stateDir}: killed ${leftovers.join(', ')}`
      );
    }
    if (!process.env.NFDI_UI_TEST_KEEP_HUB_STATE) {
      fs.rmSync(this.stateDir, { recursive: true, force: true });
    }
  }

  private _stopped: Promise<void> | null = null;
  private _unwatch: () => void = () => undefined;

  /** `fetch` on the hub API with demo's token. */
  async request(
    method: string,
    url: string,
    body?: unknown,
    token = this.token
  ): Promise<{ status: number; data: any }> {
    const init: RequestInit = {
      method,
      headers: {
        Authorization: `token ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' })
      },
      body: body === undefined ? undefined : JSON.stringify(body)
    };
    const target = url.startsWith('http') ? url : this.api + url;
    let response: Response;
    for (let attempt = 1; ; attempt++) {
      try {
        // A request that hangs (a stalled connection) is given up and asked
        // again rather than using up the test's time.
        response = await fetch(target, {
          ...init,
          signal: AbortSignal.timeout(30 * 1000)
        });
        break;
      } catch (error) {
        // Node's fetch may reuse a kept-alive connection the proxy has just
        // closed ("other side closed"); these calls are safe to repeat.
        if (attempt >= 3) {
          const { exitCode, signalCode } = this._process;
          if (exitCode !== null || signalCode !== null) {
            // Say why, with what the hub printed last.
            throw new Error(
              `The local hub is gone (exit code ${exitCode}, signal ${signalCode}):\n${this.output()}`
            );
          }
          // Say which request, with what the hub printed last.
          throw new Error(
            `${method} ${target} got no answer in ${attempt} tries (${error}); the local hub printed last:\n${this.output()}`
          );
        }
        await new Promise(resolve => setTimeout(resolve, 200));
      }
    }
    const text = await response.text();
    let data: any = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = text;
    }
    return { status: response.status, data };
  }

  /**
   * demo's one named server, once there is exactly one (waits for it).
   */
  async onlyServer(timeout = 90 * 1000): Promise<IHubServer> {
    let servers: Record<string, IHubServer> = {};
    await expect
      .poll(
        async () => {
          servers = await this.servers();
          return Object.keys(servers).length;
        },
        { timeout, message: 'demo has exactly one server on the hub' }
      )
      .toBe(1);
    return Object.values(servers)[0];
  }

  /**
   * Demo's named servers (configurations), as the hub lists them with
   * `include_stopped_servers`; JupyterHub's default server ('') left out.
   */
  async servers(): Promise<Record<string, IHubServer>> {
    const { status, data } = await this.request(
      'GET',
      `/users/${DEMO_USER}?include_stopped_servers`
    );
    if (status !== 200) {
      throw new Error(
        `GET users/${DEMO_USER}: ${status} ${JSON.stringify(data)}`
      );
    }
    const servers: Record<string, IHubServer> = { ...data.servers };
    delete servers[''];
    return servers;
  }

  /** Start a server through the start API; resolves with its name. */
  async startServer(options: Record<string, unknown>): Promise<string> {
    const { status, data } = await this.request('POST', '/start', options);
    if (status !== 200 && status !== 202) {
      throw new Error(`POST start: ${status} ${JSON.stringify(data)}`);
    }
    return String(data.delete_url).split('/').pop() as string;
  }

  /** Poll the start API's status until it says `wanted`. */
  async waitForStatus(
    name: string,
    wanted: 'running' | 'pending' | 'stopped',
    timeout = 90 * 1000
  ): Promise<any> {
    const deadline = Date.now() + timeout;
    let last: any = null;
    while (Date.now() < deadline) {
      const { data } = await this.request('GET', `/start/${DEMO_USER}/${name}`);
      last = data;
      if (data?.status === wanted) {
        return data;
      }
      await new Promise(resolve => setTimeout(resolve, 300));
    }
    throw new Error(
      `Server ${name} never became ${wanted}; last: ${JSON.stringify(last)}`
    );
  }

  /**
   * Stop and remove every named server of demo and wait until the hub no
   * longer lists any.
   */
  async removeAllServers(): Promise<void> {
    const deadline = Date.now() + 60 * 1000;
    for (;;) {
      const names = Object.keys(await this.servers());
      if (names.length === 0) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`Could not remove demo's servers ${names.join(', ')}`);
      }
      for (const name of names) {
        const { status, data } = await this.request(
          'DELETE',
          `/users/${DEMO_USER}/servers/${name}`,
          { remove: true }
        );
        // 400: JupyterHub refuses while a spawn or stop is still pending;
        // 404: gone meanwhile. Both are retried through the listing above.
        if (![202, 204, 400, 404].includes(status)) {
          throw new Error(`DELETE ${name}: ${status} ${JSON.stringify(data)}`);
        }
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }
}

function writeJSON(file: string, data: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
}

/** pids of processes whose working directory is below `directory`. */
function processesBelow(directory: string): number[] {
  const root = fs.realpathSync(directory);
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const cwd = fs.realpathSync(`/proc/${entry}/cwd`);
      if (cwd === root || cwd.startsWith(root + path.sep)) {
        found.push(Number(entry));
      }
    } catch {
      // not ours to read, or gone
    }
  }
  return found;
}
