/**
 * What a hub client is made of: the hub's base URL, the messages, the
 * requester and the answer parser for one hub and one token, and what the
 * client knows of the token's owner.
 */
import { URLExt } from '@jupyterlab/coreutils';
import { nullTranslator, TranslationBundle } from '@jupyterlab/translation';

import { HubError } from './errors';
import { makeRedactor } from './hubText';
import { HubMessages } from './messages';
import { HubAnswerParser } from './parse';
import { HubRequester, IFetchResponse } from './request';
import { IHubClientOptions } from './types';
import { normalizeHubUrl } from './urls';

/**
 * The parts of one client.
 */
export interface IClientParts {
  /** The hub's base URL, ending in `/`. */
  baseUrl: string;
  /** The token, trimmed. */
  token: string;
  trans: TranslationBundle;
  messages: HubMessages;
  requests: HubRequester;
  answers: HubAnswerParser;
}

/**
 * Build a client's parts. Throws a `config` error if the hub URL is not
 * usable.
 */
export function createClientParts(options: IHubClientOptions): IClientParts {
  const trans =
    options.trans ?? nullTranslator.load('jupyterlab_nfdi_launcher');
  let baseUrl: string;
  try {
    baseUrl = normalizeHubUrl(options.hubUrl);
  } catch {
    throw new HubError(
      'config',
      trans.__(
        'The hub URL "%1" is not usable. Type the hub\'s address in the settings, e.g. https://hub.nfdi-jupyter.de or localhost:8000.',
        options.hubUrl
      ),
      { summary: trans.__('The hub URL in the settings is not usable.') }
    );
  }
  const token = options.token.trim();
  const messages = new HubMessages({
    baseUrl,
    tokenPageUrl: tokenPageUrl(baseUrl),
    pageOrigin: options.pageOrigin ?? globalThis.location?.origin ?? '',
    redact: makeRedactor(token),
    trans
  });
  const requests = new HubRequester({
    baseUrl,
    token,
    fetch:
      options.fetch ??
      ((url, init) => globalThis.fetch(url, init) as Promise<IFetchResponse>),
    timeout: (options.requestTimeout ?? 30) * 1000,
    messages
  });
  const answers = new HubAnswerParser({ baseUrl, messages, trans });
  return { baseUrl, token, trans, messages, requests, answers };
}

/** The hub's page where a user creates API tokens. */
export function tokenPageUrl(baseUrl: string): string {
  return URLExt.join(baseUrl, 'hub/token');
}

/**
 * A hub API URL; each segment after the first is percent-encoded. A name
 * that cannot be encoded (a lone surrogate) is a `bad-response`: such names
 * come from the hub's answers.
 */
export function hubApiUrl(
  parts: IClientParts,
  path: string,
  ...segments: string[]
): string {
  let encoded: string[];
  try {
    encoded = segments.map(encodeURIComponent);
  } catch {
    throw parts.messages.badResponse(
      parts.trans.__('a name that cannot be put into a URL')
    );
  }
  return URLExt.join(parts.baseUrl, 'hub/api', path, ...encoded);
}

/**
 * The name of the token's owner: known once asked, and asked at most once
 * at a time however many callers wait for it.
 */
export class TokenOwner {
  /**
   * @param ask - asks the hub (`whoami`), which calls `learn` on success
   * @param name - the name, if already known
   */
  constructor(ask: () => Promise<unknown>, name?: string) {
    this._ask = ask;
    this._name = name || null;
  }

  /** The name, if known. */
  get name(): string | null {
    return this._name;
  }

  /** Remember the name the hub gave. */
  learn(name: string): void {
    this._name = name;
  }

  /** The name: known, or asked for. */
  async get(): Promise<string> {
    if (this._name === null) {
      this._asking ??= this._ask().finally(() => {
        this._asking = null;
      });
      await this._asking;
    }
    return this._name!;
  }

  private readonly _ask: () => Promise<unknown>;
  private _name: string | null;
  private _asking: Promise<unknown> | null = null;
}
