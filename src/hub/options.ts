/**
 * User options: what a start request sends to the hub.
 */
import { nullTranslator, TranslationBundle } from '@jupyterlab/translation';

import { isRecord } from './guards';

/**
 * The kinds of server the hub can start.
 */
export const SERVER_OPTIONS = ['default', 'custom', 'repo2docker'] as const;

/**
 * A kind of server the hub can start.
 */
export type ServerOption = (typeof SERVER_OPTIONS)[number];

/**
 * Repository providers repo2docker accepts on Jupyter4NFDI.
 */
export const REPO_TYPES = [
  'gh',
  'git',
  'gl',
  'gist',
  'zenodo',
  'figshare',
  'hydroshare',
  'dataverse',
  'ckan'
] as const;

/**
 * A repo2docker repository provider.
 */
export type RepoType = (typeof REPO_TYPES)[number];

/**
 * The repo2docker part of the user options.
 */
export interface IRepo2DockerOptions {
  repotype?: string;
  repourl?: string;
  reporef?: string;
  repopath?: string;
  repopathtype?: RepoPathType;
}

/**
 * What a repo2docker path to open is: a file in the repository or a URL path.
 */
export const REPO_PATH_TYPES = ['file', 'url'] as const;

/**
 * A repo2docker path type.
 */
export type RepoPathType = (typeof REPO_PATH_TYPES)[number];

/**
 * User options as the start API takes them.
 *
 * Unknown top-level keys are kept, so hubs with extra fields can be driven.
 */
export interface IUserOptions {
  option?: ServerOption;
  custom?: { customimage?: string };
  repo2docker?: IRepo2DockerOptions;
  system?: string;
  flavor?: string;
  name?: string;
  [key: string]: unknown;
}

/**
 * The defaults the Jupyter4NFDI start API documents.
 */
export const DEFAULT_USER_OPTIONS: IUserOptions = Object.freeze({
  option: 'custom',
  custom: Object.freeze({ customimage: 'jupyter/minimal-notebook:latest' }),
  system: 'deNBI-Cloud',
  flavor: 'm1',
  name: 'POST API Server'
}) as IUserOptions;

/**
 * Merge user options: `override` wins, nested objects are merged key by key.
 *
 * `undefined` in `override` leaves the base value; neither input is changed.
 */
export function mergeOptions(
  base: IUserOptions,
  override: IUserOptions | undefined
): IUserOptions {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override ?? {})) {
    if (value === undefined) {
      continue;
    }
    const current = merged[key];
    merged[key] =
      isRecord(current) && isRecord(value)
        ? mergeOptions(current, value)
        : value;
  }
  return merged as IUserOptions;
}

/**
 * Prepare options for the wire: only the section the chosen option uses is
 * kept, and a repo2docker start carries the top-level fields Jupyter4NFDI
 * needs for it (`service`, `profile`).
 */
export function toRequestBody(options: IUserOptions): IUserOptions {
  const body: IUserOptions = {};
  for (const [key, value] of Object.entries(options)) {
    // Empty optional fields (e.g. an unused repo path) are left out.
    body[key] = isRecord(value)
      ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== ''))
      : value;
  }
  if (body.option !== 'custom') {
    delete body.custom;
  }
  if (body.option !== 'repo2docker') {
    delete body.repo2docker;
  } else {
    body.service = body.service ?? 'jupyterlab';
    body.profile = body.profile ?? 'repo2docker';
  }
  return body;
}

/**
 * A problem with user options, in words a person understands.
 */
export interface IOptionsProblem {
  /** Dotted path of the field, e.g. `custom.customimage`. */
  field: string;
  /** What is wrong. */
  message: string;
}

/** Longest server display name accepted. */
export const MAX_NAME_LENGTH = 64;

/**
 * Check options before any request is made.
 *
 * Returns every problem found; an empty list means the options can be sent.
 */
export function validateOptions(
  options: IUserOptions,
  trans: TranslationBundle = nullTranslator.load('jupyterlab_nfdi_launcher')
): IOptionsProblem[] {
  const problems: IOptionsProblem[] = [];
  const option = options.option;
  if (!(SERVER_OPTIONS as readonly unknown[]).includes(option)) {
    problems.push({
      field: 'option',
      message: trans.__(
        'Unknown server option "%1": use %2.',
        String(option),
        SERVER_OPTIONS.join(', ')
      )
    });
  }
  if (option === 'custom' && !options.custom?.customimage?.trim()) {
    problems.push({
      field: 'custom.customimage',
      message: trans.__(
        'A custom image needs an image name, e.g. jupyter/minimal-notebook:latest.'
      )
    });
  }
  if (option === 'repo2docker') {
    const repo = options.repo2docker ?? {};
    if (
      !repo.repotype ||
      !(REPO_TYPES as readonly string[]).includes(repo.repotype)
    ) {
      problems.push({
        field: 'repo2docker.repotype',
        message: trans.__(
          'Choose a repository type: %1.',
          REPO_TYPES.join(', ')
        )
      });
    }
    if (!repo.repourl?.trim()) {
      problems.push({
        field: 'repo2docker.repourl',
        message: trans.__(
          'repo2docker needs a repository, e.g. binder-examples/requirements.'
        )
      });
    }
    if (
      repo.repopathtype !== undefined &&
      !(REPO_PATH_TYPES as readonly unknown[]).includes(repo.repopathtype)
    ) {
      problems.push({
        field: 'repo2docker.repopathtype',
        message: trans.__(
          'The path type must be one of: %1.',
          REPO_PATH_TYPES.join(', ')
        )
      });
    }
  }
  if (options.name !== undefined) {
    if (typeof options.name !== 'string' || !options.name.trim()) {
      problems.push({
        field: 'name',
        message: trans.__('The server name must not be empty.')
      });
    } else if (/[\u0000-\u001f\u007f<>]/.test(options.name)) {
      problems.push({
        field: 'name',
        message: trans.__(
          'The server name must not contain control characters or < >.'
        )
      });
    } else if (options.name.length > MAX_NAME_LENGTH) {
      problems.push({
        field: 'name',
        message: trans.__(
          'The server name is too long (at most %1 characters).',
          MAX_NAME_LENGTH
        )
      });
    }
  }
  if (options.system !== undefined && !String(options.system).trim()) {
    problems.push({
      field: 'system',
      message: trans.__('Choose a system.')
    });
  }
  if (options.flavor !== undefined && !String(options.flavor).trim()) {
    problems.push({
      field: 'flavor',
      message: trans.__('Choose a flavor.')
    });
  }
  return problems;
}
