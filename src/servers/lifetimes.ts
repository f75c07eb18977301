/**
 * Follows how long the user's servers have left: which ones the hub ends
 * (those this browser started through the start API, and those of a flavor
 * with a runtime), when to warn, and which ones left the list at their end.
 *
 * Makes no requests of its own except one list refresh shortly after the
 * end of a temporary server (the hub does not say when it removed one; the
 * list does, never its `status_url`, which would re-create it).
 */
import { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import type { IHubConnection } from '../connection/types';
import type { IServerModel } from '../hub';
import type { ILaunch, ILaunches } from '../launch/types';
import {
  effectiveLifetime,
  nearEndMargin,
  TimeLeft,
  timeLeft
} from './lifetime';
import { serverState } from './state';
import { summarize } from './summary';
import { TemporaryServers } from './temporaryStore';
import {
  ILifetimeEvent,
  IServerLifetimes,
  IServersModel,
  IServerSummary
} from './types';

/** After a temporary server's end: when to look whether it is gone (ms). */
const REMOVAL_CHECKS = [3000, 10000, 30000];

/** Longest timer: wake up now and then to survive a sleeping laptop. */
const MAX_DELAY = 60 * 60 * 1000;

/**
 * The lifetimes of the user's servers.
 */
export class ServerLifetimes implements IServerLifetimes, IDisposable {
  constructor(options: {
    hub: IHubConnection;
    servers: IServersModel;
    launches?: ILaunches | null;
    store?: TemporaryServers;
    /** The clock (tests set it). */
    now?: () => number;
  }) {
    this._hub = options.hub;
    this._servers = options.servers;
    this._launches = options.launches ?? null;
    this._store = options.store ?? new TemporaryServers();
    this._now = options.now ?? Date.now;
    this._hub.changed.connect(this._onSettingsChanged, this);
    this._servers.changed.connect(this._onServersChanged, this);
    this._servers.removed.connect(this._onRemoved, this);
    this._launches?.changed.connect(this._onLaunch, this);
    // After the caller connected to the signals: a warning may be due.
    void Promise.resolve().then(() => this._onServersChanged());
  }

  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get warning(): ISignal<this, ILifetimeEvent> {
    return this._warning;
  }

  get expired(): ISignal<this, ILifetimeEvent> {
    return this._expired;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  isTemporary(server: IServerModel): boolean {
    const user = this._servers.user?.name;
    return !!user && this._store.has(this._hub.hubUrl, user, server.name);
  }

  timeLeft(server: IServerModel, now = this._now()): TimeLeft {
    return timeLeft(
      server.started,
      this._lifetime(server, this.isTemporary(server)),
      this._hub.settings.lifetimeWarning,
      now
    );
  }

  summary(now = this._now()): IServerSummary {
    return summarize(
      this._servers.connection === 'connected' ? this._servers.servers : [],
      this._launches?.launches ?? [],
      server => this.timeLeft(server, now)
    );
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    clearTimeout(this._timer);
    Signal.clearData(this);
  }

  /** The lifetime that bounds a server, in seconds (0: none). */
  private _lifetime(server: IServerModel, temporary: boolean): number {
    const options = server.userOptions;
    const { system, flavor } = options;
    const known =
      typeof system === 'string' && typeof flavor === 'string'
        ? this._servers.systems?.[system]?.[flavor]
        : undefined;
    // Hubs that say give each flavor a runtime (seconds).
    const runtime = (known as { runtime?: unknown } | undefined)?.runtime;
    return effectiveLifetime(
      this._hub.settings.serverLifetime,
      temporary,
      typeof runtime === 'number' ? runtime : null
    );
  }

  private _onSettingsChanged(): void {
    this._changed.emit();
    this._schedule();
  }

  private _onRemoved(_: IServersModel, name: string): void {
    this._removedByUser.add(name);
  }

  /**
   * A launch that has its server's name started it through the API (one
   * that only opens a server already running sent no start).
   */
  private _onLaunch(_: ILaunches, launch: ILaunch): void {
    const { name, userName } = launch.result;
    const started = launch.reuse !== 'running';
    if (name && userName && started && !this._recorded.has(launch)) {
      this._recorded.add(launch);
      this._store.add(this._hub.hubUrl, userName, name, this._now());
      this._changed.emit();
      this._schedule(); // It may be listed already: its warning is due then.
    }
    if (launch.isDone && !this._servers.active) {
      // The background list learns of the server (and of a failed one).
      void this._servers.refresh();
    }
  }

  private _onServersChanged(): void {
    const servers = this._servers;
    const user = servers.user?.name;
    if (this._isDisposed || servers.connection !== 'connected' || !user) {
      return;
    }
    const hub = this._hub.hubUrl;
    const key = `${hub}\n${user}`;
    const now = this._now();
    const listed = new Map(servers.servers.map(s => [s.name, s]));
    if (key === this._key) {
      for (const [name, before] of this._listed) {
        if (!listed.has(name) && !this._removedByUser.has(name)) {
          this._checkGone(before, hub, user, now);
        }
      }
    }
    for (const name of this._removedByUser) {
      if (!listed.has(name)) {
        this._removedByUser.delete(name);
      }
    }
    this._store.prune(hub, user, new Set(listed.keys()), now);
    for (const server of listed.values()) {
      const entry = server.started
        ? this._store.get(hub, user, server.name)
        : null;
      if (entry && entry.started !== server.started) {
        this._store.update(hub, user, server.name, {
          started: server.started!
        });
      }
    }
    this._key = key;
    this._listed = listed;
    this._schedule();
  }

  /** A server left the list: at its end, if it was temporary, say so. */
  private _checkGone(
    server: IServerModel,
    hub: string,
    user: string,
    now: number
  ): void {
    const entry = this._store.get(hub, user, server.name);
    if (!entry) {
      return; // Not one the hub ends: someone deleted it elsewhere.
    }
    const lifetime = this._lifetime(server, true);
    const left = timeLeft(server.started ?? entry.started, lifetime, 0, now);
    if (left.kind === 'limited' && left.left <= nearEndMargin(lifetime)) {
      this._expired.emit({ server, left: left.left, temporary: true });
    }
  }

  /** Warn when due; set the timer for the next warning or removal check. */
  private _schedule(): void {
    clearTimeout(this._timer);
    const servers = this._servers;
    const user = servers.user?.name;
    if (this._isDisposed || servers.connection !== 'connected' || !user) {
      return;
    }
    const now = this._now();
    let next = Infinity;
    let checkNow = false;
    for (const server of servers.servers) {
      const state = serverState(server);
      if (state !== 'running' && state !== 'starting') {
        continue;
      }
      const left = this.timeLeft(server, now);
      if (left.kind !== 'limited') {
        continue;
      }
      const temporary = this.isTemporary(server);
      if (left.warnAt !== null && left.left > 0 && !this._warned(server)) {
        if (now >= left.warnAt) {
          this._warn(server, left.left, temporary);
        } else {
          next = Math.min(next, left.warnAt);
        }
      }
      if (temporary && !servers.isCurrent(server)) {
        const due = REMOVAL_CHECKS.map(d => left.endsAt + d);
        const upcoming = due.find(at => at > now);
        if (upcoming !== undefined) {
          next = Math.min(next, upcoming);
        }
        // A check time passed since the last timer: the list is stale.
        checkNow ||= due.some(at => at <= now && at > this._lastCheck);
      }
    }
    if (checkNow) {
      this._lastCheck = now;
      if (!servers.active) {
        void servers.refresh();
      }
    }
    if (next < Infinity) {
      const delay = Math.min(Math.max(0, next - now) + 50, MAX_DELAY);
      this._timer = setTimeout(() => this._schedule(), delay);
    }
  }

  private _warned(server: IServerModel): boolean {
    const key = `${server.name}\n${server.started}`;
    if (this._warnedHere.has(key)) {
      return true;
    }
    const user = this._servers.user?.name ?? '';
    const entry = this._store.get(this._hub.hubUrl, user, server.name);
    return !!entry && entry.warned === server.started;
  }

  private _warn(server: IServerModel, left: number, temporary: boolean): void {
    this._warnedHere.add(`${server.name}\n${server.started}`);
    if (temporary && server.started) {
      const user = this._servers.user?.name ?? '';
      this._store.update(this._hub.hubUrl, user, server.name, {
        warned: server.started
      });
    }
    this._warning.emit({ server, left, temporary });
  }

  private readonly _hub: IHubConnection;
  private readonly _servers: IServersModel;
  private readonly _launches: ILaunches | null;
  private readonly _store: TemporaryServers;
  private readonly _now: () => number;
  private readonly _changed = new Signal<this, void>(this);
  private readonly _warning = new Signal<this, ILifetimeEvent>(this);
  private readonly _expired = new Signal<this, ILifetimeEvent>(this);
  private readonly _recorded = new WeakSet<ILaunch>();
  private readonly _removedByUser = new Set<string>();
  private readonly _warnedHere = new Set<string>();
  private _key = '';
  private _listed = new Map<string, IServerModel>();
  private _lastCheck = 0;
  private _timer: ReturnType<typeof setTimeout> | undefined = undefined;
  private _isDisposed = false;
}
