/**
 * The launches' contract: what a view or another extension sees of a start.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import { ISignal } from '@lumino/signaling';

import type {
  IHubClient,
  IProgressEvent,
  IServerModel,
  IUserOptions,
  StopResult
} from '../hub';
import type { LaunchError } from './errors';

/**
 * Where a launch is.
 *
 * - `starting`: the start request is on its way;
 * - `pending`: the hub accepted it and the server is starting;
 * - `running`: done, `result` is complete;
 * - `failed`: the server stopped, the hub refused, or something broke;
 * - `timeout`: the server did not run within the start timeout (it may still);
 * - `cancelled`: the user cancelled; the server was stopped on the hub.
 */
export type LaunchPhase =
  'starting' | 'pending' | 'running' | 'failed' | 'timeout' | 'cancelled';

/**
 * What `nfdi:start` takes.
 */
export interface IStartArgs {
  /** Title of a launcher preset from the settings. */
  preset?: string;
  /** User options, over the preset's and the defaults. */
  options?: IUserOptions;
}

/**
 * What a successful launch resolves with.
 */
export interface ILaunchResult {
  /** The server's name on the hub. */
  name: string;
  /** The user it belongs to. */
  userName: string;
  /** Where the running server is. */
  nextUrl: string;
  /** Where to ask for its state. */
  statusUrl: string;
  /** Where to stop or remove it. */
  deleteUrl: string;
}

/**
 * A browser tab a launch lands in. The view opens it (inside the user's
 * click, so no popup blocker stops it) and hands it to the launch.
 */
export interface ILaunchTab {
  /** Whether the user (or the browser) closed it. */
  readonly closed: boolean;
  /** Show progress on the waiting page: a line, and what the hub said. */
  show(message: string, detail?: string): void;
  /** Send the tab to the server. */
  navigate(url: string): void;
  /** Close it. */
  close(): void;
  /** Bring it to the front. */
  focus(): void;
}

/**
 * One server start.
 */
export interface ILaunch {
  /** What the user calls it (preset title or server name). */
  readonly label: string;
  /** What it was started with. */
  readonly args: IStartArgs;
  /** The tab it lands in, if one was opened. */
  readonly tab: ILaunchTab | null;
  /** Where it is. */
  readonly phase: LaunchPhase;
  /**
   * Whether it lands on a configuration the user already had: `running`
   * (opened, nothing started), `again` (a stopped one started again),
   * `following` (one already starting), or `new`.
   */
  readonly reuse: ReuseKind;
  /** Whether it has ended (running, failed, timeout or cancelled). */
  readonly isDone: boolean;
  /** What is known so far about the server (name and URLs once accepted). */
  readonly result: Partial<ILaunchResult>;
  /** Why it failed, once it did. */
  readonly error: LaunchError | null;
  /** The latest progress the hub reported while the server starts. */
  readonly progress: IProgressEvent | null;
  /** The hub's host, for messages. */
  readonly hubHost: string;
  /** The hub it runs on: its client's base URL, ending in `/`. */
  readonly hubUrl: string;
  /** That hub's token page. */
  readonly tokenPageUrl: string;
  /**
   * Whether the start request failed but the user's servers showed that
   * the hub had started the server after all (it is followed from there).
   */
  readonly recovered: boolean;
  /**
   * When a start the hub was too busy for (429 with `Retry-After`) is sent
   * again by itself, in ms since the epoch; `null` when none is waiting.
   */
  readonly retryAt: number | null;
  /** Emitted on every phase change. */
  readonly changed: ISignal<ILaunch, LaunchPhase>;
  /** Emitted when the hub reports progress. */
  readonly progressChanged: ISignal<ILaunch, IProgressEvent>;
  /** Settles when the launch ends: the running server, or a `LaunchError`. */
  readonly done: Promise<ILaunchResult>;
  /**
   * Stop following and stop the server on the hub, if it was accepted; a
   * configuration the launch created (`reuse` is `new`) is deleted too.
   */
  cancel(): Promise<void>;
  /** Stop the server it started (e.g. after a timeout), on its own hub. */
  stop(): Promise<StopResult>;
}

/**
 * How a view takes part in a start.
 */
export interface IStartOptions {
  /**
   * Open the waiting tab, synchronously, only if a new launch begins
   * (not for a refused start, nor for a start already in flight). It is
   * called right after the start request left, where nothing had to be
   * asked first, still within the caller's task.
   */
  openTab?: (label: string, hubHost: string) => ILaunchTab | null;
}

/**
 * The launches in flight, and the way to start one.
 */
export interface ILaunches {
  /** The launches in flight. */
  readonly launches: ReadonlyArray<ILaunch>;
  /** Emitted when a launch is added, started again, changes phase or ends. */
  readonly changed: ISignal<ILaunches, ILaunch>;
  /**
   * Start a server, or join the start in flight with the same options.
   *
   * A start whose options match a configuration the user has lands on it
   * (a running one opens without any start request). Resolves with the
   * running server. Rejects with a `LaunchError`: reason `refused` when
   * nothing was sent (no token, unknown preset, invalid options, or a new
   * configuration when the user has as many as the hub allows), else why
   * the launch failed.
   */
  start(args: IStartArgs, options?: IStartOptions): Promise<ILaunchResult>;
}

/**
 * How to run a launch.
 */
export interface ILaunchOptions {
  /** The client for the hub. */
  client: IHubClient;
  /** User options (merged over the client's defaults by the client). */
  options: IUserOptions;
  /** What the user calls this launch (preset title or server name). */
  label: string;
  /** What it was started with (default: nothing). */
  args?: IStartArgs;
  /** The tab it lands in, opened by the view. */
  tab?: ILaunchTab | null;
  /** Seconds to wait for the server to run. */
  timeout: number;
  /**
   * Seconds after the hub accepted the start during which a bare `stopped`
   * is taken as "not started yet" (see `IStatusWatchOptions.stoppedGrace`).
   */
  stoppedGrace?: number;
  /**
   * First and longest interval between status checks while no progress
   * stream is alive, in ms (default: 1000 and 2000).
   */
  pollInterval?: { first: number; max: number };
  /** Consecutive failed status checks tolerated for transient errors. */
  maxTransientErrors?: number;
  /** How an early `stopped` is confirmed (see `IStatusWatchOptions`). */
  confirmStopped?: Partial<IConfirmStopped>;
  /**
   * What the start amounts to among the user's configurations, as far as
   * is known when it begins (default: a new configuration).
   */
  reuse?: Reuse;
  /** Ask again before anything is sent; the answer replaces `reuse`. */
  recheck?: () => Promise<Reuse>;
  /**
   * After a start request that may have reached the hub failed: look for
   * the configuration with the same options among the user's servers
   * (`null`: they could not be read). Without it, nothing is looked up.
   */
  lookup?: () => Promise<Reuse | null>;
  /** Longest `Retry-After`, in seconds, waited out before sending again. */
  maxRetryAfter?: number;
  trans?: TranslationBundle;
}

/**
 * What a start amounts to on the hub:
 *
 * - `new`: a new configuration (or nothing is known about the others);
 * - `full`: a new configuration, but the user has `limit` already;
 * - `running`: the matching configuration runs: open it, send nothing;
 * - `again`: the matching configuration is stopped: the start runs it again;
 * - `following`: the matching configuration is starting: the start follows it.
 */
export type Reuse =
  | { kind: 'new' }
  | { kind: 'full'; limit: number }
  | {
      kind: 'running' | 'again' | 'following';
      /** The matching configuration. */
      server: IServerModel;
      /** Its owner. */
      userName: string;
    };

/**
 * How a launch relates to the user's configurations, once known.
 */
export type ReuseKind = 'new' | 'running' | 'again' | 'following';

/**
 * How a `stopped` answer in the first seconds of a start is confirmed.
 */
export interface IConfirmStopped {
  /** Consecutive equal `stopped` answers needed. */
  checks: number;
  /** Milliseconds the first and the last of them must span at least. */
  span: number;
  /** Milliseconds between the checks. */
  interval: number;
}
