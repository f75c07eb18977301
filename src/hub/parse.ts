/**
 * Response parsing: the hub's JSON answers checked and turned into the
 * client's camelCase models. Every URL in an answer is checked before it is
 * handed on; a wrong shape is a `bad-response` error.
 */
import { TranslationBundle } from '@jupyterlab/translation';

import { HubError } from './errors';
import { isRecord, numberOrNull, stringOrNull } from './guards';
import { HubMessages } from './messages';
import {
  IFlavor,
  IHubUser,
  IServerModel,
  IStartResult,
  ServerStatus,
  Systems
} from './models';
import { checkHubUrl } from './urls';

/**
 * Reads the answers of one hub.
 */
export class HubAnswerParser {
  constructor(options: {
    baseUrl: string;
    messages: HubMessages;
    trans: TranslationBundle;
  }) {
    this._baseUrl = options.baseUrl;
    this._messages = options.messages;
    this._trans = options.trans;
  }

  /** The answer of `POST /hub/api/start`. */
  start(data: unknown): IStartResult {
    const record = this._record(data);
    const status = record.status;
    if (status !== 'running' && status !== 'pending') {
      throw this._bad(
        this._trans.__('the start answer has status "%1"', String(status))
      );
    }
    const deleteUrl = this.hubUrl(record.delete_url, 'delete_url');
    const result: IStartResult = {
      status,
      statusUrl: this.hubUrl(record.status_url, 'status_url'),
      deleteUrl,
      ...this._serverOf(deleteUrl)
    };
    if (status === 'running') {
      result.nextUrl = this.hubUrl(record.next_url, 'next_url');
    }
    return result;
  }

  /** The answer of `GET status_url` (`url`: where it was asked). */
  status(data: unknown, url: string): ServerStatus {
    const record = this._record(data);
    switch (record.status) {
      case 'running':
        return {
          status: 'running',
          nextUrl: this.hubUrl(record.next_url, 'next_url'),
          statusUrl: this.hubUrl(record.status_url ?? url, 'status_url'),
          deleteUrl: this.hubUrl(record.delete_url, 'delete_url')
        };
      case 'pending':
        return {
          status: 'pending',
          statusUrl: this.hubUrl(record.status_url ?? url, 'status_url'),
          deleteUrl: this.hubUrl(record.delete_url, 'delete_url')
        };
      case 'stopped':
        return {
          status: 'stopped',
          exitCode: numberOrNull(record.exit_code),
          logs: Array.isArray(record.logs)
            ? record.logs.map(line => String(line))
            : typeof record.logs === 'string'
              ? record.logs.split('\n')
              : []
        };
      default:
        throw this._bad(
          this._trans.__(
            'the status answer has status "%1"',
            String(record.status)
          )
        );
    }
  }

  /** The answer of `GET /hub/api/user`. */
  user(data: unknown): IHubUser {
    const record = this._record(data);
    if (typeof record.name !== 'string' || !record.name) {
      throw this._bad(this._trans.__('the user has no name'));
    }
    return {
      name: record.name,
      scopes: Array.isArray(record.scopes)
        ? record.scopes.filter((s): s is string => typeof s === 'string')
        : []
    };
  }

  /** The servers of `GET /hub/api/users/{user}`. */
  servers(data: unknown): IServerModel[] {
    const record = this._record(data);
    const servers = isRecord(record.servers) ? record.servers : {};
    return Object.entries(servers).map(([key, value]) => {
      const server = isRecord(value) ? value : {};
      const pending = server.pending;
      return {
        name: typeof server.name === 'string' ? server.name : key,
        ready: server.ready === true,
        pending: pending === 'spawn' || pending === 'stop' ? pending : null,
        url: checkHubUrl(server.url, this._baseUrl),
        started: stringOrNull(server.started),
        userOptions: isRecord(server.user_options) ? server.user_options : {}
      };
    });
  }

  /**
   * The answer of `GET /hub/api/outpostflavors`: `{system: {flavor: info}}`.
   * Odd values are tolerated: a flavor keeps what can be read of it.
   */
  systems(data: unknown): Systems {
    const systems: Systems = {};
    for (const [system, flavors] of Object.entries(this._record(data))) {
      if (!isRecord(flavors)) {
        continue;
      }
      systems[system] = {};
      for (const [flavor, info] of Object.entries(flavors)) {
        systems[system][flavor] = toFlavor(flavor, info);
      }
    }
    return systems;
  }

  /** Check a URL from an answer; a foreign one is a `bad-response`. */
  hubUrl(value: unknown, field: string): string {
    const url = checkHubUrl(value, this._baseUrl);
    if (url === null) {
      throw this._bad(
        this._trans.__("%1 is missing or not on the hub's origin", field)
      );
    }
    return url;
  }

  private _record(data: unknown): Record<string, unknown> {
    if (!isRecord(data)) {
      throw this._bad(this._trans.__('no JSON object'));
    }
    return data;
  }

  /** The user and server a `delete_url` names. */
  private _serverOf(deleteUrl: string): {
    userName: string;
    serverName: string;
  } {
    const match = /\/users\/([^/]+)\/servers\/([^/?#]*)\/?$/.exec(
      new URL(deleteUrl).pathname
    );
    if (!match) {
      throw this._bad(this._trans.__('delete_url names no server'));
    }
    return {
      userName: decodeURIComponent(match[1]),
      serverName: decodeURIComponent(match[2])
    };
  }

  private _bad(what: string): HubError {
    return this._messages.badResponse(what);
  }

  private readonly _baseUrl: string;
  private readonly _messages: HubMessages;
  private readonly _trans: TranslationBundle;
}

/** One flavor of `outpostflavors`, read as far as it can be. */
function toFlavor(key: string, info: unknown): IFlavor {
  const record = isRecord(info) ? info : {};
  return {
    displayName: stringOrNull(record.display_name)?.trim() || key,
    description: stringOrNull(record.description)?.trim() ?? '',
    // A negative maximum (the hub's -1) means no limit: unknown here.
    max: toCount(record.max),
    current: toCount(record.current),
    runtime: toSeconds(record.runtime)
  };
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * A run time in seconds: a number of seconds, or a text such as `8h`,
 * `30 min`, `7d`; `null` when unknown or not positive.
 */
function toSeconds(value: unknown): number | null {
  const match =
    typeof value === 'string'
      ? /^\s*(\d+(?:\.\d+)?)\s*([smhd])[a-z]*\s*$/i.exec(value)
      : null;
  const seconds = match
    ? Number(match[1]) * UNIT_SECONDS[match[2].toLowerCase()]
    : toCount(value);
  return seconds !== null && seconds > 0 ? seconds : null;
}

/**
 * A count from the hub: a finite number or a numeric string, at least 0;
 * anything else is unknown (`null`).
 */
function toCount(value: unknown): number | null {
  const number =
    typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  const count = numberOrNull(number);
  return count !== null && count >= 0 ? count : null;
}
