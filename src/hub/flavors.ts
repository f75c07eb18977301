/**
 * Systems and flavors: whether one can be started on, and how to say so.
 *
 * Pure functions over what `GET /hub/api/outpostflavors` answered (or what
 * the settings list when the hub does not answer it).
 */
import { nullTranslator, TranslationBundle } from '@jupyterlab/translation';

import { isRecord } from './guards';
import { IFlavor, Systems } from './models';
import { IOptionsProblem, IUserOptions } from './options';

const defaultTrans = () => nullTranslator.load('jupyterlab_nfdi_launcher');

/**
 * Whether no further server of this flavor may start: as many run as the
 * hub allows (`current ≥ max`, with a known `max ≥ 0`).
 */
export function isFlavorFull(flavor: IFlavor): boolean {
  return (
    flavor.max !== null &&
    flavor.current !== null &&
    flavor.current >= flavor.max
  );
}

/**
 * How much of a flavor is used, e.g. "3 of 10 in use"; empty when the hub
 * does not say.
 */
export function flavorUsage(
  flavor: IFlavor,
  trans: TranslationBundle = defaultTrans()
): string {
  if (flavor.current === null) {
    return '';
  }
  return flavor.max === null
    ? trans.__('%1 in use', flavor.current)
    : trans.__('%1 of %2 in use', flavor.current, flavor.max);
}

/**
 * Why a flavor cannot be chosen now, e.g. "full: 10 of 10 in use"; `null`
 * when it can.
 */
export function flavorFullReason(
  flavor: IFlavor,
  trans: TranslationBundle = defaultTrans()
): string | null {
  return isFlavorFull(flavor)
    ? trans.__('full: %1 of %2 in use', flavor.current!, flavor.max!)
    : null;
}

/**
 * The longest a server of a flavor runs, e.g. "up to 24 h"; empty when the
 * hub does not say.
 */
export function flavorRuntime(
  flavor: IFlavor,
  trans: TranslationBundle = defaultTrans()
): string {
  const seconds = flavor.runtime;
  if (seconds === null || seconds <= 0) {
    return '';
  }
  const round = (value: number) => Math.round(value * 10) / 10;
  if (seconds < 3600) {
    return trans.__('up to %1 min', Math.max(1, Math.round(seconds / 60)));
  }
  if (seconds < 3 * 86400) {
    return trans.__('up to %1 h', round(seconds / 3600));
  }
  return trans.__('up to %1 days', round(seconds / 86400));
}

/**
 * The first flavor of a system that is not full (else its first flavor),
 * or `undefined` for a system without flavors.
 */
export function firstFreeFlavor(
  flavors: Record<string, IFlavor>
): string | undefined {
  const names = Object.keys(flavors);
  return names.find(name => !isFlavorFull(flavors[name])) ?? names[0];
}

/**
 * Why these options cannot start on the hub's systems now: a system or
 * flavor the hub does not offer (any more), or a full flavor. `null` when
 * they can, or when the hub does not list its systems (`systems` is
 * `null`: it will answer for itself).
 */
export function flavorProblem(
  options: IUserOptions,
  systems: Systems | null,
  trans: TranslationBundle = defaultTrans()
): IOptionsProblem | null {
  if (!systems || typeof options.system !== 'string') {
    return null;
  }
  const system = options.system;
  const flavors = systems[system];
  if (!flavors) {
    return {
      field: 'system',
      message: trans.__(
        'The hub does not offer the system "%1". Choose one of: %2.',
        system,
        Object.keys(systems).join(', ')
      )
    };
  }
  if (typeof options.flavor !== 'string') {
    return null;
  }
  const flavor = flavors[options.flavor];
  if (!flavor) {
    return {
      field: 'flavor',
      message: trans.__(
        'The hub does not offer the flavor "%1" on %2 (any more). Choose another flavor.',
        options.flavor,
        system
      )
    };
  }
  const full = flavorFullReason(flavor, trans);
  if (full) {
    return {
      field: 'flavor',
      message: trans.__(
        '%1 on %2 is %3. Choose another flavor or try again later.',
        flavor.displayName,
        system,
        full
      )
    };
  }
  return null;
}

/**
 * Systems from a list in the settings, `{system: {flavor: display name}}`,
 * as flavors without limits or usage. Malformed entries are left out.
 */
export function systemsFromList(list: unknown): Systems {
  const systems: Systems = {};
  if (!isRecord(list)) {
    return systems;
  }
  for (const [system, flavors] of Object.entries(list)) {
    if (!isRecord(flavors) || !system.trim()) {
      continue;
    }
    systems[system] = {};
    for (const [flavor, name] of Object.entries(flavors)) {
      if (!flavor.trim()) {
        continue;
      }
      systems[system][flavor] = {
        displayName: (typeof name === 'string' && name.trim()) || flavor,
        description: '',
        max: null,
        current: null,
        runtime: null
      };
    }
  }
  return systems;
}
