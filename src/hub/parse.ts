/**
 * Response parsing: the hub's JSON answers checked and turned into the
 * client's camelCase models. Every URL in an answer is checked before it is
 * handed on (the hub's origin, and the path of the token owner's own
 * server); every text the hub wrote is redacted; a wrong shape is a
 * `bad-response` error.
 */
import { TranslationBundle } from '@jupyterlab/translation';

import { HubError } from './errors';
import { readFlavor } from './flavorAnswer';
import { isRecord, numberOrNull, stringOrNull } from './guards';
import { HubMessages } from './messages';
import {
  IHubUser,
  IServerModel,
  IStartResult,
  ServerStatus,
  Systems
} from './models';
import {
  apiServerPath,
  IServerPath,
  ServerApiUrl,
  serverBaseUrl
} from './serverPaths';
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

  /** The answer of `POST /hub/api/start`, for a token of `owner`. */
  start(data: unknown, owner: string): IStartResult {
    const record = this._record(data);
    const status = record.status;
    if (status !== 'running' && status !== 'pending') {
      throw this._bad(
        this._trans.__(
          'the start answer has status "%1"',
          this._messages.quote(status)
        )
      );
    }
    const statusUrl = this.hubUrl(record.status_url, 'status_url');
    const path = this.serverPath(statusUrl, 'status', owner);
    const result: IStartResult = {
      status,
      statusUrl,
      deleteUrl: this._deleteUrl(record.delete_url, path),
      userName: path.user,
      serverName: path.server
    };
    if (status === 'running') {
      result.nextUrl = this._nextUrl(record.next_url, path);
    }
    return result;
  }

  /**
   * The answer of `GET status_url` (`url`: where it was asked, a checked
   * `status_url` of `path`).
   */
  status(data: unknown, url: string, path: IServerPath): ServerStatus {
    const record = this._record(data);
    const statusUrl = () => {
      const checked = this.hubUrl(record.status_url ?? url, 'status_url');
      this._sameServer(this.serverPath(checked, 'status', path.user), path);
      return checked;
    };
    switch (record.status) {
      case 'running':
        return {
          status: 'running',
          nextUrl: this._nextUrl(record.next_url, path),
          statusUrl: statusUrl(),
          deleteUrl: this._deleteUrl(record.delete_url, path)
        };
      case 'pending':
        return {
          status: 'pending',
          statusUrl: statusUrl(),
          deleteUrl: this._deleteUrl(record.delete_url, path)
        };
      case 'stopped':
        return {
          status: 'stopped',
          exitCode: numberOrNull(record.exit_code),
          logs: (Array.isArray(record.logs)
            ? record.logs.map(line => String(line))
            : typeof record.logs === 'string'
              ? record.logs.split('\n')
              : []
          ).map(line => this._messages.redact(line))
        };
      default:
        throw this._bad(
          this._trans.__(
            'the status answer has status "%1"',
            this._messages.quote(record.status)
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

  /**
   * The servers of `GET /hub/api/users/{user}`. A server's `url` is kept
   * only if it is that server's URL on the hub.
   */
  servers(data: unknown, user: string): IServerModel[] {
    const record = this._record(data);
    const servers = isRecord(record.servers) ? record.servers : {};
    return Object.entries(servers).map(([key, value]) => {
      const server = isRecord(value) ? value : {};
      const pending = server.pending;
      const name = typeof server.name === 'string' ? server.name : key;
      const url = checkHubUrl(server.url, this._baseUrl);
      return {
        name,
        ready: server.ready === true,
        pending: pending === 'spawn' || pending === 'stop' ? pending : null,
        url: url && serverBaseUrl(url, this._baseUrl, user, name) ? url : null,
        started: stringOrNull(server.started),
        // Data to compare with the options of a start, not text: kept as is.
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
        const read = readFlavor(flavor, info);
        systems[system][flavor] = {
          ...read,
          displayName: this._messages.redact(read.displayName),
          description: this._messages.redact(read.description)
        };
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

  /**
   * The server a checked `status_url` or `delete_url` names; a
   * `bad-response` unless it is exactly such a URL of `owner`'s server.
   */
  serverPath(url: string, kind: ServerApiUrl, owner: string): IServerPath {
    const path = apiServerPath(url, this._baseUrl, kind);
    if (!path || path.user !== owner) {
      throw this._bad(
        this._trans.__(
          '%1 is not the start API of your own server',
          kind === 'status' ? 'status_url' : 'delete_url'
        )
      );
    }
    return path;
  }

  /**
   * The base URL of the server a checked `next_url` lies in; a
   * `bad-response` unless it is in one of `owner`'s servers (`server`, if
   * given).
   */
  serverBase(url: string, owner: string, server?: string): string {
    const base = serverBaseUrl(url, this._baseUrl, owner, server);
    if (base === null) {
      throw this._bad(
        this._trans.__('next_url does not lead to your own server')
      );
    }
    return base;
  }

  private _deleteUrl(value: unknown, path: IServerPath): string {
    const url = this.hubUrl(value, 'delete_url');
    this._sameServer(this.serverPath(url, 'delete', path.user), path);
    return url;
  }

  private _nextUrl(value: unknown, path: IServerPath): string {
    const url = this.hubUrl(value, 'next_url');
    this.serverBase(url, path.user, path.server);
    return url;
  }

  /** URLs of one answer must name one server. */
  private _sameServer(found: IServerPath, expected: IServerPath): void {
    if (found.server !== expected.server) {
      throw this._bad(this._trans.__('the answer names two different servers'));
    }
  }

  private _record(data: unknown): Record<string, unknown> {
    if (!isRecord(data)) {
      throw this._bad(this._trans.__('no JSON object'));
    }
    return data;
  }

  private _bad(what: string): HubError {
    return this._messages.badResponse(what);
  }

  private readonly _baseUrl: string;
  private readonly _messages: HubMessages;
  private readonly _trans: TranslationBundle;
}
