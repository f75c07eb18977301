/**
 * One flavor of `GET /hub/api/outpostflavors`, read as far as it can be.
 */
import { isRecord, numberOrNull, stringOrNull } from './guards';
import { IFlavor } from './models';

/** One flavor of `outpostflavors`, read as far as it can be. */
export function readFlavor(key: string, info: unknown): IFlavor {
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
