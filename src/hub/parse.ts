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

  /** The answer of `GET /hub/api/outpostflavors`. */
  systems(data: unknown): Systems {
    const systems: Systems = {};
    for (const [system, flavors] of Object.entries(this._record(data))) {
      if (!isRecord(flavors)) {
        continue;
      }
      systems[system] = {};
      for (const [flavor, info] of Object.entries(flavors)) {
        const record = isRecord(info) ? info : {};
        const entry: IFlavor = {
          displayName: stringOrNull(record.display_name) ?? flavor,
          max: numberOrNull(record.max),
          current: numberOrNull(record.current)
        };
        systems[system][flavor] = entry;
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
