/**
 * What a start request amounts to, checked before anything is sent: the
 * client, the options (defaults, preset, arguments), a label, and the key
 * that makes two starts the same.
 */
import { TranslationBundle } from '@jupyterlab/translation';

import {
  HubError,
  IHubClient,
  IUserOptions,
  mergeOptions,
  validateOptions
} from '../hub';
import type { IHubConnection } from '../connection/types';
import { LaunchError } from './errors';
import { canonicalJSON, recordedOptions } from './reuse';
import { IStartArgs } from './types';

/**
 * A start that may go ahead.
 */
export interface ILaunchPlan {
  client: IHubClient;
  /** The options to send over the client's defaults (preset and arguments). */
  options: IUserOptions;
  /** What the user calls it. */
  label: string;
  /**
   * Starts with the same key are the same start: the options the hub will
   * record, as canonical JSON (compare a configuration's `userOptions`).
   */
  key: string;
}

/**
 * Plan a start, or throw a `LaunchError` with reason `refused` that says
 * why it cannot go ahead.
 */
export function planLaunch(
  hub: IHubConnection,
  args: IStartArgs,
  trans: TranslationBundle
): ILaunchPlan {
  const refuse = (message: string, hubError?: HubError) =>
    new LaunchError('refused', message, { hubError });
  const client = hub.client;
  if (!client) {
    throw refuse(
      hub.configError ?? trans.__('The hub URL is not set correctly.')
    );
  }
  if (!hub.hasToken) {
    const message = trans.__(
      'No API token is set. Create one on the hub and paste it into the NFDI sidebar or settings.'
    );
    throw refuse(message, new HubError('auth', message));
  }
  let presetOptions: IUserOptions = {};
  let label = '';
  if (args.preset !== undefined) {
    const preset = hub.settings.launchers.find(p => p.title === args.preset);
    if (!preset) {
      throw refuse(
        trans.__(
          'There is no launcher preset "%1" in the settings.',
          args.preset
        )
      );
    }
    presetOptions = preset.options;
    label = preset.title;
  }
  const options = mergeOptions(presetOptions, args.options);
  const merged = mergeOptions(hub.defaultOptions, options);
  label =
    label ||
    (typeof merged.name === 'string' && merged.name) ||
    trans.__('NFDI server');
  const problems = validateOptions(merged, trans);
  if (problems.length) {
    throw refuse(
      trans.__(
        'Cannot start %1: %2',
        label,
        problems.map(p => p.message).join(' ')
      )
    );
  }
  // The same options from any entry point are the same start, for the hub
  // too: it reuses the configuration whose options are the same.
  return {
    client,
    options,
    label,
    key: canonicalJSON(recordedOptions(merged))
  };
}
