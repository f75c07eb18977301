/**
 * Which servers this browser started through the hub's start API (the hub
 * ends those after a while), kept in `localStorage` so a reload, and every
 * JupyterLab on the same origin, still knows them.
 */

/** The `localStorage` key. */
export const STORE_KEY = 'jupyterlab-nfdi-launcher:temporary-servers';

/** Entries kept at most; the oldest go first. */
const MAX_ENTRIES = 200;

/** Entries never seen in a list are forgotten after this (ms). */
const UNSEEN_TTL = 24 * 60 * 60 * 1000;

/**
 * One server started through the start API.
 */
export interface ITemporaryServer {
  /** The hub's base URL. */
  hub: string;
  /** The user it belongs to. */
  user: string;
  /** Its name on the hub. */
  server: string;
  /** When it was recorded (ms). */
  recorded: number;
  /** The last `started` the server list gave for it, if any. */
  started?: string;
  /** The `started` of the run the user was warned about, if any. */
  warned?: string;
}

/**
 * The key/value storage the store uses (`window.localStorage` by default).
 */
export interface IKeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * The servers started through the start API, per hub and user.
 *
 * Reads storage on every call: other JupyterLabs of the origin write to it
 * too. A storage that fails (private mode, quota) degrades to memory.
 */
export class TemporaryServers {
  constructor(storage?: IKeyValueStorage | null) {
    this._storage = storage === undefined ? defaultStorage() : storage;
  }

  /** Every entry (of every hub and user). */
  all(): ITemporaryServer[] {
    return this._read();
  }

  /** The entry of that server, if it was started through the API. */
  get(hub: string, user: string, server: string): ITemporaryServer | null {
    return (
      this._read().find(
        e => e.hub === hub && e.user === user && e.server === server
      ) ?? null
    );
  }

  /** Whether that server was started through the API. */
  has(hub: string, user: string, server: string): boolean {
    return this.get(hub, user, server) !== null;
  }

  /**
   * Record a server started through the API (again: a new run, so the
   * warning and the start time begin afresh).
   */
  add(hub: string, user: string, server: string, now = Date.now()): void {
    const entries = this._read().filter(
      e => !(e.hub === hub && e.user === user && e.server === server)
    );
    entries.push({ hub, user, server, recorded: now });
    this._write(entries);
  }

  /** Change an entry (no-op if there is none). */
  update(
    hub: string,
    user: string,
    server: string,
    change: Partial<Pick<ITemporaryServer, 'started' | 'warned'>>
  ): void {
    const entries = this._read();
    const entry = entries.find(
      e => e.hub === hub && e.user === user && e.server === server
    );
    if (!entry) {
      return;
    }
    Object.assign(entry, change);
    this._write(entries);
  }

  /** Forget a server. */
  remove(hub: string, user: string, server: string): void {
    const entries = this._read();
    const kept = entries.filter(
      e => !(e.hub === hub && e.user === user && e.server === server)
    );
    if (kept.length !== entries.length) {
      this._write(kept);
    }
  }

  /**
   * Forget the servers of `hub` and `user` that are not in `present`,
   * except those recorded less than a day ago and never seen in a list
   * (the list may have been fetched just before the start).
   *
   * @returns the entries forgotten
   */
  prune(
    hub: string,
    user: string,
    present: ReadonlySet<string>,
    now = Date.now()
  ): ITemporaryServer[] {
    const entries = this._read();
    const gone = entries.filter(
      e =>
        e.hub === hub &&
        e.user === user &&
        !present.has(e.server) &&
        (e.started !== undefined || now - e.recorded > UNSEEN_TTL)
    );
    if (gone.length) {
      this._write(entries.filter(e => !gone.includes(e)));
    }
    return gone;
  }

  private _read(): ITemporaryServer[] {
    let text: string | null = this._memory;
    if (this._storage && !this._failed) {
      try {
        text = this._storage.getItem(STORE_KEY);
      } catch {
        this._failed = true;
      }
    }
    if (!text) {
      return [];
    }
    try {
      const data = JSON.parse(text);
      return Array.isArray(data) ? data.filter(isEntry) : [];
    } catch {
      return []; // Unreadable: start over rather than fail.
    }
  }

  private _write(entries: ITemporaryServer[]): void {
    const kept = entries
      .sort((a, b) => a.recorded - b.recorded)
      .slice(-MAX_ENTRIES);
    const text = JSON.stringify(kept);
    this._memory = text;
    if (this._storage && !this._failed) {
      try {
        this._storage.setItem(STORE_KEY, text);
      } catch {
        // Storage full or refused: memory keeps this session right.
        this._failed = true;
      }
    }
  }

  private readonly _storage: IKeyValueStorage | null;
  private _memory: string | null = null;
  private _failed = false;
}

function defaultStorage(): IKeyValueStorage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null; // Access denied (e.g. blocked third-party storage).
  }
}

function isEntry(value: unknown): value is ITemporaryServer {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.hub === 'string' &&
    typeof entry.user === 'string' &&
    typeof entry.server === 'string' &&
    typeof entry.recorded === 'number' &&
    (entry.started === undefined || typeof entry.started === 'string') &&
    (entry.warned === undefined || typeof entry.warned === 'string')
  );
}
