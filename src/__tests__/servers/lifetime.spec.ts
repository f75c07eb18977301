import { nullTranslator } from '@jupyterlab/translation';

import {
  effectiveLifetime,
  formatDuration,
  MIN_LIFETIME,
  nearEndMargin,
  parseStarted,
  refreshDelay,
  timeLeft
} from '../../servers/lifetime';

const trans = nullTranslator.load('jupyterlab_nfdi_launcher');

const STARTED = '2026-11-26T10:00:00.000Z';
const T0 = Date.parse(STARTED);
const MIN = 60 * 1000;

describe('effectiveLifetime', () => {
  it('applies the setting only to servers started through the start API', () => {
    expect(effectiveLifetime(3600, true, null)).toBe(3600);
    expect(effectiveLifetime(3600, false, null)).toBe(0);
  });

  it('takes the shorter of the setting and the flavor runtime', () => {
    expect(effectiveLifetime(3600, true, 1800)).toBe(1800);
    expect(effectiveLifetime(3600, true, 86400)).toBe(3600);
    // A flavor's runtime bounds every server of it.
    expect(effectiveLifetime(3600, false, 86400)).toBe(86400);
  });

  it('treats 0, negative and odd values as no limit', () => {
    expect(effectiveLifetime(0, true, null)).toBe(0);
    expect(effectiveLifetime(0, true, 600)).toBe(600);
    expect(effectiveLifetime(-5, true, -1)).toBe(0);
    expect(effectiveLifetime(NaN, true, NaN)).toBe(0);
    expect(effectiveLifetime(3600, true, Infinity)).toBe(3600);
  });
});

describe('parseStarted', () => {
  it('reads ISO 8601 and refuses the rest', () => {
    expect(parseStarted(STARTED)).toBe(T0);
    expect(parseStarted('2026-11-26T10:00:00+01:00')).toBe(T0 - 60 * MIN);
    expect(parseStarted('yesterday-ish')).toBeNull();
    expect(parseStarted('')).toBeNull();
    expect(parseStarted(null)).toBeNull();
    expect(parseStarted(undefined)).toBeNull();
  });
});

describe('timeLeft', () => {
  it('ends at start + lifetime and warns the given minutes before', () => {
    const left = timeLeft(STARTED, 3600, 10, T0 + 8 * MIN);
    expect(left).toEqual({
      kind: 'limited',
      endsAt: T0 + 60 * MIN,
      left: 52 * MIN,
      warnAt: T0 + 50 * MIN,
      lifetime: 3600,
      skewed: false
    });
  });

  it('takes fractions of a minute for the warning', () => {
    const left = timeLeft(STARTED, 30, 0.25, T0);
    expect(left.kind === 'limited' && left.warnAt).toBe(T0 + 15 * 1000);
  });

  it('never goes below zero after the end', () => {
    const left = timeLeft(STARTED, 3600, 10, T0 + 3 * 60 * MIN);
    expect(left.kind === 'limited' && left.left).toBe(0);
  });

  it('has no warning with warning 0', () => {
    const left = timeLeft(STARTED, 3600, 0, T0);
    expect(left.kind === 'limited' && left.warnAt).toBeNull();
  });

  it('has no limit with lifetime 0', () => {
    expect(timeLeft(STARTED, 0, 10, T0)).toEqual({ kind: 'unlimited' });
  });

  it('refuses a lifetime below what the extension can follow', () => {
    expect(timeLeft(STARTED, MIN_LIFETIME - 1, 10, T0)).toEqual({
      kind: 'unknown',
      reason: 'too-short'
    });
    expect(timeLeft(STARTED, MIN_LIFETIME, 10, T0).kind).toBe('limited');
  });

  it('says why without a usable start time', () => {
    expect(timeLeft(null, 3600, 10, T0)).toEqual({
      kind: 'unknown',
      reason: 'not-started'
    });
    expect(timeLeft('not a date', 3600, 10, T0)).toEqual({
      kind: 'unknown',
      reason: 'bad-start'
    });
  });

  it('counts a start in the future (clock skew) from now, never more than the lifetime', () => {
    const left = timeLeft(STARTED, 3600, 10, T0 - 5 * MIN);
    expect(left).toMatchObject({
      kind: 'limited',
      left: 60 * MIN,
      endsAt: T0 - 5 * MIN + 60 * MIN,
      skewed: true
    });
    // A second of difference is not skew.
    expect(timeLeft(STARTED, 3600, 10, T0 - 1000)).toMatchObject({
      left: 60 * MIN,
      skewed: false
    });
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '< 1 min'],
    [59 * 1000, '< 1 min'],
    [60 * 1000, '1 min'],
    [(4 * 60 + 10) * 1000, '4 min 10 s'],
    [5 * MIN, '5 min'],
    [59 * MIN + 59 * 1000, '59 min'],
    [60 * MIN, '1 h'],
    [125 * MIN, '2 h 5 min'],
    [3 * 24 * 60 * MIN + 60 * MIN, '3 d 1 h'],
    [-5, '< 1 min'],
    [NaN, '< 1 min']
  ])('%p ms reads "%s"', (ms, text) => {
    expect(formatDuration(ms, trans)).toBe(text);
  });
});

describe('nearEndMargin and refreshDelay', () => {
  it('count a removal within a minute, or a tenth of the lifetime, as its end', () => {
    expect(nearEndMargin(30)).toBe(MIN);
    expect(nearEndMargin(3600)).toBe(6 * MIN);
  });

  it('update every second in the last five minutes, else every 30 s', () => {
    expect(refreshDelay(4 * MIN)).toBe(1000);
    expect(refreshDelay(30 * MIN)).toBe(30 * 1000);
  });
});
