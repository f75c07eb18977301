/**
 * The starts the hub accepted and that have not ended yet, remembered in the
 * page's `localStorage` (one entry per hub), so a reload can resume them.
 */
import { isRecord } from '../hub';
import type { IStartArgs } from './types';

/**
 * A start the hub accepted, as remembered across a reload.
 */
export interface IInFlightRecord {
  /** The hub's base URL, ending in `/`. */
  hubUrl: string;
  /** The user the server belongs to. */
  user: string;
  /** The server's name on the hub. */
  server: string;
  /** What the user calls the launch. */
  label: string;
  /** The launch's options key: a start with the same options joins it. */
  key: string;
  /** What it was started with. */
  args: IStartArgs;
  /** When the start began (ms since the epoch). */
  startedAt: number;
}

/** Where the records are kept, one entry per hub. */
const STORAGE_PREFIX = 'jupyterlab-nfdi-launcher:in-flight:';

/** More records than anyone has in flight: a cap against a runaway entry. */
const MAX_RECORDS = 50;

/**
 * The remembered starts, in a `Storage` (the page's `localStorage`). Tolerates
 * a storage that throws (full, disabled) and entries it did not write.
 */
export class InFlightStore {
  constructor(storage: Storage | null) {
    this._storage = storage;
  }

  /** Remember a start, keeping the earliest start time for the same server. */
  save(record: IInFlightRecord): void {
    const records = this._load(record.hubUrl);
    const index = records.findIndex(r => sameServer(r, record));
    if (index >= 0) {
      const startedAt = Math.min(records[index].startedAt, record.startedAt);
      records[index] = { ...record, startedAt };
    } else {
      records.push(record);
    }
    this._write(record.hubUrl, records.slice(-MAX_RECORDS));
  }

  /** Forget a start. */
  remove(record: Pick<IInFlightRecord, 'hubUrl' | 'user' | 'server'>): void {
    const records = this._load(record.hubUrl);
    const kept = records.filter(r => !sameServer(r, record));
    if (kept.length !== records.length) {
      this._write(record.hubUrl, kept);
    }
  }

  /**
   * The starts on a hub younger than `maxAge` ms; older ones are forgotten.
   */
  read(hubUrl: string, maxAge: number, now = Date.now()): IInFlightRecord[] {
    const records = this._load(hubUrl);
    const young = records.filter(
      r => r.startedAt <= now && now - r.startedAt < maxAge
    );
    if (young.length !== records.length) {
      this._write(hubUrl, young);
    }
    return young;
  }

  private _load(hubUrl: string): IInFlightRecord[] {
    let text: string | null = null;
    try {
      text = this._storage?.getItem(STORAGE_PREFIX + hubUrl) ?? null;
    } catch {
      return [];
    }
    if (!text) {
      return [];
    }
    try {
      const data: unknown = JSON.parse(text);
      return Array.isArray(data)
        ? data.filter(
            (item): item is IInFlightRecord =>
              isInFlightRecord(item) && item.hubUrl === hubUrl
          )
        : [];
    } catch {
      return [];
    }
  }

  private _write(hubUrl: string, records: IInFlightRecord[]): void {
    try {
      if (records.length) {
        this._storage?.setItem(
          STORAGE_PREFIX + hubUrl,
          JSON.stringify(records)
        );
      } else {
        this._storage?.removeItem(STORAGE_PREFIX + hubUrl);
      }
    } catch {
      // No storage: the start is not resumed after a reload, nothing else.
    }
  }

  private readonly _storage: Storage | null;
}

/**
 * Whether a value read back from storage is a record.
 */
export function isInFlightRecord(value: unknown): value is IInFlightRecord {
  return (
    isRecord(value) &&
    typeof value.hubUrl === 'string' &&
    typeof value.user === 'string' &&
    value.user !== '' &&
    typeof value.server === 'string' &&
    value.server !== '' &&
    typeof value.label === 'string' &&
    typeof value.key === 'string' &&
    isRecord(value.args) &&
    typeof value.startedAt === 'number' &&
    Number.isFinite(value.startedAt)
  );
}

function sameServer(
  a: Pick<IInFlightRecord, 'hubUrl' | 'user' | 'server'>,
  b: Pick<IInFlightRecord, 'hubUrl' | 'user' | 'server'>
): boolean {
  return a.hubUrl === b.hubUrl && a.user === b.user && a.server === b.server;
}
