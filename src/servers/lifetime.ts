/**
 * How long a server has left: the arithmetic and its wording, no timers.
 *
 * The hub stops servers started through its start API (and deletes their
 * configuration) a fixed time after the start; a flavor may also bound how
 * long any server of it runs. All times are milliseconds of the client's
 * clock; `started` comes from the hub's server list.
 */
import { TranslationBundle } from '@jupyterlab/translation';

/**
 * The shortest lifetime the extension can follow, in seconds: the list is
 * refreshed every few seconds at best, and a server takes as long to start.
 */
export const MIN_LIFETIME = 30;

/**
 * How long before its end a server that leaves the list counts as having
 * reached its end: the hub counts from the start request, a little before
 * the `started` the list reports. At least a minute, or a tenth of the
 * lifetime.
 */
export function nearEndMargin(lifetimeSeconds: number): number {
  return Math.max(60, lifetimeSeconds * 0.1) * 1000;
}

/**
 * Why a server's time left is not known.
 *
 * - `not-started`: the hub gave no start time (not running);
 * - `bad-start`: the start time could not be read;
 * - `too-short`: the lifetime is below `MIN_LIFETIME`.
 */
export type UnknownReason = 'not-started' | 'bad-start' | 'too-short';

/**
 * A server's time left.
 */
export type TimeLeft =
  | {
      /** No limit applies. */
      kind: 'unlimited';
    }
  | {
      /** A limit applies but the time left cannot be told. */
      kind: 'unknown';
      reason: UnknownReason;
    }
  | {
      kind: 'limited';
      /** When it ends (client clock). */
      endsAt: number;
      /** Time left, never negative, never more than the lifetime. */
      left: number;
      /** When to warn, or `null` for no warning. */
      warnAt: number | null;
      /** The lifetime applied, in seconds. */
      lifetime: number;
      /** The hub's start time lies in the future of this clock. */
      skewed: boolean;
    };

/**
 * The lifetime that bounds a server, in seconds (0: none).
 *
 * @param setting - the `serverLifetime` setting (applies to `temporary` servers)
 * @param temporary - whether the server was started through the start API
 * @param flavorRuntime - the flavor's runtime from the hub, if known
 */
export function effectiveLifetime(
  setting: number,
  temporary: boolean,
  flavorRuntime: number | null | undefined
): number {
  const bounds: number[] = [];
  if (temporary && Number.isFinite(setting) && setting > 0) {
    bounds.push(setting);
  }
  if (
    typeof flavorRuntime === 'number' &&
    Number.isFinite(flavorRuntime) &&
    flavorRuntime > 0
  ) {
    bounds.push(flavorRuntime);
  }
  return bounds.length ? Math.min(...bounds) : 0;
}

/**
 * A start time from the hub in ms, or `null` if missing or unreadable.
 */
export function parseStarted(
  started: string | null | undefined
): number | null {
  if (typeof started !== 'string' || !started.trim()) {
    return null;
  }
  const time = Date.parse(started);
  return Number.isFinite(time) ? time : null;
}

/** Clock differences below this are not called skew. */
const SKEW_TOLERANCE = 5000;

/**
 * A server's time left.
 *
 * @param started - the hub's `started` (ISO 8601)
 * @param lifetime - seconds (0: no limit), see `effectiveLifetime`
 * @param warning - minutes before the end to warn (0: none)
 * @param now - the client's clock
 */
export function timeLeft(
  started: string | null | undefined,
  lifetime: number,
  warning: number,
  now: number
): TimeLeft {
  if (!Number.isFinite(lifetime) || lifetime <= 0) {
    return { kind: 'unlimited' };
  }
  if (lifetime < MIN_LIFETIME) {
    return { kind: 'unknown', reason: 'too-short' };
  }
  if (started === null || started === undefined || started === '') {
    return { kind: 'unknown', reason: 'not-started' };
  }
  const start = parseStarted(started);
  if (start === null) {
    return { kind: 'unknown', reason: 'bad-start' };
  }
  const span = lifetime * 1000;
  // A start "in the future" is the two clocks disagreeing: count from now
  // rather than promise more than the lifetime.
  const skewed = start > now + SKEW_TOLERANCE;
  const endsAt = Math.min(start, now) + span;
  const left = Math.max(0, Math.min(span, endsAt - now));
  const before =
    Number.isFinite(warning) && warning > 0 ? warning * 60 * 1000 : 0;
  return {
    kind: 'limited',
    endsAt,
    left,
    warnAt: before > 0 ? endsAt - before : null,
    lifetime,
    skewed
  };
}

/**
 * Time left in words: "2 h 5 min", "59 min", "4 min 10 s", "< 1 min".
 * Rounded down: it never says more than there is.
 */
export function formatDuration(ms: number, trans: TranslationBundle): string {
  const seconds = Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 1000)) : 0;
  if (seconds < 60) {
    return trans.__('< 1 min');
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 5) {
    const rest = seconds % 60;
    return rest
      ? trans.__('%1 min %2 s', minutes, rest)
      : trans.__('%1 min', minutes);
  }
  if (minutes < 60) {
    return trans.__('%1 min', minutes);
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest
      ? trans.__('%1 h %2 min', hours, rest)
      : trans.__('%1 h', hours);
  }
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? trans.__('%1 d %2 h', days, rest) : trans.__('%1 d', days);
}

/**
 * How often a view showing `left` should update: every second in the last
 * five minutes (it shows seconds there), else every 30 s.
 */
export function refreshDelay(left: number): number {
  return left <= 5 * 60 * 1000 ? 1000 : 30 * 1000;
}
