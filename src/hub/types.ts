/**
 * What the rest of the extension (and other extensions) may ask the hub.
 */
import { ServerConnection } from '@jupyterlab/services';
import { TranslationBundle } from '@jupyterlab/translation';

import {
  IHubUser,
  IProgressEvent,
  IServerModel,
  IStartResult,
  ServerStatus,
  StopResult,
  Systems
} from './models';
import { IUserOptions } from './options';
import type { FetchFunction } from './request';

/**
 * The start API's URLs of one server configuration.
 */
export interface IServerUrls {
  /** `GET` it for the server's state. */
  statusUrl: string;
  /** `DELETE` it to stop the server (with `{"remove": true}`: to delete it). */
  deleteUrl: string;
}

/**
 * A client for one hub and one token.
 */
export interface IHubClient {
  /** The hub's base URL, ending in `/`. */
  readonly baseUrl: string;
  /** The defaults merged under every start. */
  readonly defaultOptions: IUserOptions;
  /** The hub's page where a user creates API tokens. */
  readonly tokenPageUrl: string;
  /** Start a server with `options` merged over the defaults. */
  start(options?: IUserOptions): Promise<IStartResult>;
  /** A server's state from its `status_url`. */
  status(statusUrl: string): Promise<ServerStatus>;
  /** Stop a server; its configuration stays. */
  stop(deleteUrl: string): Promise<StopResult>;
  /** Stop a server and delete its configuration. */
  remove(deleteUrl: string): Promise<void>;
  /**
   * The token owner's name, once known (given, or learnt from `whoami`);
   * the URLs of answers are checked against it.
   */
  readonly owner: string | null;
  /** The token's owner; its name is kept as `owner`. */
  whoami(): Promise<IHubUser>;
  /**
   * The token's owner and its server configurations in one request;
   * `servers` is `null` when the hub listed none (the token may not read them).
   */
  ownServers(): Promise<{ user: IHubUser; servers: IServerModel[] | null }>;
  /** Every server configuration of a user, stopped ones included. */
  listServers(user: string): Promise<IServerModel[]>;
  /** The systems and flavors the hub offers, or `null` if it does not say. */
  systems(): Promise<Systems | null>;
  /** The start API's URLs of a user's server. */
  serverUrls(user: string, server: string): IServerUrls;
  /** A starting server's progress events. */
  progress(
    userName: string,
    serverName: string,
    signal?: AbortSignal
  ): AsyncGenerator<IProgressEvent>;
  /** `@jupyterlab/services` settings for a running sibling server. */
  serverSettings(nextUrl: string): ServerConnection.ISettings;
}

/**
 * How to build a hub client.
 */
export interface IHubClientOptions {
  /** The hub's base URL, e.g. `https://hub.nfdi-jupyter.de/`. */
  hubUrl: string;
  /** The user's JupyterHub API token. */
  token: string;
  /**
   * The token owner's name, if already known. Answers are checked against
   * it (their URLs must lead to the owner's own servers); when it is not
   * given, the client asks the hub (`whoami`) once, when it first needs it.
   */
  owner?: string;
  /** Options sent with every start, under the ones passed to `start`. */
  defaultOptions?: IUserOptions;
  /** The fetch to use (default: the browser's). */
  fetch?: FetchFunction;
  /** Seconds after which a request counts as unanswered (default 30). */
  requestTimeout?: number;
  /** Origin of the page the client runs in, to tell CORS blocks apart. */
  pageOrigin?: string;
  /** Translations for messages. */
  trans?: TranslationBundle;
}
