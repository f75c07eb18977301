/**
 * The launches in flight, with a guard against starting the same thing twice.
 */
import { nullTranslator, TranslationBundle } from '@jupyterlab/translation';
import { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import type { IHubConnection } from '../connection/types';
import { flavorProblem, mergeOptions } from '../hub';
import type { IServersModel } from '../servers/types';
import { LaunchError, limitError } from './errors';
import { Launch } from './launch';
import { ILaunchPlan, planLaunch } from './plan';
import { decideReuse, lookUpConfiguration } from './reuse';
import type { IInFlightRecord } from './inFlight';
import { ILaunchRecorder, IResumable, resumedLaunchOptions } from './resume';
import {
  ILaunch,
  ILaunches,
  ILaunchOptions,
  ILaunchResult,
  IStartArgs,
  IStartOptions,
  Reuse
} from './types';

/**
 * Launch options a manager passes on (tests shorten the intervals).
 */
export type LaunchTuning = Partial<
  Pick<
    ILaunchOptions,
    'stoppedGrace' | 'pollInterval' | 'maxTransientErrors' | 'confirmStopped'
  >
>;

/**
 * Starts servers and keeps the launches in flight, one per set of options.
 *
 * With the user's servers model, a start lands on the configuration the hub
 * would reuse (see `reuse.ts`), and one that needs a new configuration when
 * the user has as many as allowed is refused before any tab or request.
 */
export class LaunchManager implements ILaunches, IResumable, IDisposable {
  constructor(options: {
    hub: IHubConnection;
    /** The user's configurations (without it, every start is a new one). */
    servers?: IServersModel;
    trans?: TranslationBundle;
    tuning?: LaunchTuning;
    /** Remembers launches the hub accepted, to resume after a reload. */
    recorder?: ILaunchRecorder;
  }) {
    this._hub = options.hub;
    this._servers = options.servers ?? null;
    this._recorder = options.recorder ?? null;
    this._trans =
      options.trans ?? nullTranslator.load('jupyterlab_nfdi_launcher');
    this._tuning = options.tuning ?? {};
  }

  get launches(): ReadonlyArray<ILaunch> {
    return Array.from(this._inFlight.values());
  }

  get changed(): ISignal<this, ILaunch> {
    return this._changed;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  start(args: IStartArgs, options: IStartOptions = {}): Promise<ILaunchResult> {
    let plan;
    try {
      plan = planLaunch(this._hub, args, this._trans);
    } catch (error) {
      return Promise.reject(error);
    }
    const existing = this._inFlight.get(plan.key);
    if (existing) {
      // Started again while it starts: no second server.
      existing.tab?.focus();
      this._changed.emit(existing);
      return existing.done;
    }
    // Usually known at once: the list is loaded at start-up.
    const known = this._servers ? decideReuse(this._servers, plan.key) : null;
    if (known?.kind === 'full') {
      // Told before any tab or request; the list may be stale: refresh it
      // for the next try.
      void this._servers?.refresh();
      return Promise.reject(
        limitError(known.limit, plan.label, this._trans, 'refused')
      );
    }
    // A full or vanished flavor: told before any tab or request too.
    const flavor =
      known?.kind === 'running'
        ? null
        : flavorProblem(
            mergeOptions(this._hub.defaultOptions, plan.options),
            this._servers?.systems ?? null,
            this._trans
          );
    if (flavor) {
      return Promise.reject(new LaunchError('refused', flavor.message));
    }
    const settings = this._hub.settings;
    const openTab = () =>
      settings.openInNewTab
        ? (options.openTab?.(plan.label, new URL(plan.client.baseUrl).host) ??
          null)
        : null;
    // Where the servers are asked first, the tab opens first: the user
    // waits for that answer anyway. Else the start request leaves first.
    const recheck = this._recheck(plan, known);
    const launch = new Launch({
      ...this._tuning,
      client: plan.client,
      options: plan.options,
      label: plan.label,
      args,
      tab: recheck ? openTab() : null,
      timeout: settings.startTimeout,
      reuse: known ?? undefined,
      recheck,
      lookup: this._lookup(plan),
      trans: this._trans
    });
    this._inFlight.set(plan.key, launch);
    launch.changed.connect(this._onLaunchChanged, this);
    if (recheck) {
      this._changed.emit(launch);
      return launch.run();
    }
    // The request leaves at once, then the tab opens: both within the
    // caller's task, so the tab still counts as opened by the user.
    const done = launch.run();
    // Views hear of the launch only now (see `attachTab`).
    launch.attachTab(launch.isDone ? null : openTab());
    return done;
  }

  /**
   * Follow again a start the hub accepted before this page reloaded (see
   * `resume.ts`): nothing is sent to start it again. Joins the launch in
   * flight with the same options; `null` if the hub in use is another.
   */
  resume(record: IInFlightRecord): Promise<ILaunchResult> | null {
    const existing = this._inFlight.get(record.key);
    if (existing) {
      return existing.done;
    }
    const options = resumedLaunchOptions(record, this._hub);
    if (!options) {
      return null;
    }
    const launch = new Launch({
      ...this._tuning,
      ...options,
      trans: this._trans
    });
    this._inFlight.set(record.key, launch);
    launch.changed.connect(this._onLaunchChanged, this);
    this._changed.emit(launch);
    return launch.run();
  }

  /** Cancel every launch in flight and forget them. */
  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    for (const launch of this._inFlight.values()) {
      launch.dispose();
    }
    this._inFlight.clear();
    Signal.clearData(this);
  }

  /**
   * What to ask before the start is sent: where the list was not loaded
   * yet, load it (the tab is open by then) and decide; a server the list
   * showed running may have stopped or gone since: look again rather than
   * send the tab to it. A list that cannot be loaded leaves it to the hub.
   */
  private _recheck(
    plan: ILaunchPlan,
    known: Reuse | null
  ): (() => Promise<Reuse>) | undefined {
    const servers = this._servers;
    if (!servers || (known && known.kind !== 'running')) {
      return undefined;
    }
    return async () => {
      await servers.refresh();
      return decideReuse(servers, plan.key) ?? { kind: 'new' };
    };
  }

  /**
   * Where a start request failed on its way, find what the hub made of it:
   * through the servers model while it uses the launch's client (the list
   * shows it at once), else through the launch's own client.
   */
  private _lookup(plan: ILaunchPlan): () => Promise<Reuse | null> {
    return async () => {
      const servers = this._servers;
      if (servers && this._hub.client === plan.client) {
        await servers.refresh();
        const found = decideReuse(servers, plan.key);
        if (found) {
          return found;
        }
      }
      return lookUpConfiguration(plan.client, plan.key);
    };
  }

  private _onLaunchChanged(launch: Launch): void {
    // Survive a reload: remember what the hub accepted (see resume.ts).
    for (const [key, value] of this._inFlight) {
      if (value === launch) {
        this._recorder?.track(launch, key);
      }
    }
    if (launch.isDone) {
      for (const [key, value] of this._inFlight) {
        if (value === launch) {
          this._inFlight.delete(key);
        }
      }
      launch.changed.disconnect(this._onLaunchChanged, this);
    }
    this._changed.emit(launch);
  }

  private readonly _hub: IHubConnection;
  private readonly _servers: IServersModel | null;
  private readonly _trans: TranslationBundle;
  private readonly _tuning: LaunchTuning;
  private readonly _recorder: ILaunchRecorder | null;
  private readonly _inFlight = new Map<string, Launch>();
  private readonly _changed = new Signal<this, ILaunch>(this);
  private _isDisposed = false;
}
