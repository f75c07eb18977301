/**
 * Texts the hub sends (error bodies, statuses, logs, progress messages):
 * read, redacted and shortened before any of them reaches a person.
 */
import { isRecord } from './guards';

/** The longest piece of a hub's text quoted inside one of our messages. */
const QUOTE_LENGTH = 80;

/**
 * A function that removes `token` from a text, in the forms a hub could
 * echo it (as is, and percent-encoded).
 */
export function makeRedactor(token: string): (text: string) => string {
  const forms = token
    ? [...new Set([token, encodeURIComponent(token)])].sort(
        (a, b) => b.length - a.length
      )
    : [];
  return text =>
    forms.reduce((result, form) => result.split(form).join('***'), text);
}

/**
 * A hub's value as a short text to quote in a message: redacted, on one
 * line, cut after `QUOTE_LENGTH` characters.
 */
export function quoteHubText(
  value: unknown,
  redact: (text: string) => string
): string {
  const text = redact(String(value)).replace(/\s+/g, ' ').trim();
  return text.length > QUOTE_LENGTH
    ? `${text.slice(0, QUOTE_LENGTH - 1)}…`
    : text;
}

/**
 * The hub's own message from a JSON error body (`message`, `error` or
 * `reason`), redacted; `undefined` for anything else, e.g. an HTML page.
 */
export function hubMessageOf(
  text: string,
  redact: (text: string) => string
): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): no hub message to show.
    return undefined;
  }
  if (isRecord(body)) {
    const message = body.message ?? body.error ?? body.reason;
    if (typeof message === 'string' && message.trim()) {
      return redact(message.trim());
    }
  }
  return undefined;
}

/**
 * Seconds to wait from a `Retry-After` header (seconds or an HTTP date).
 */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now()
): number | undefined {
  if (!value) {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return parseInt(trimmed, 10);
  }
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) {
    return undefined;
  }
  return Math.max(0, Math.ceil((date - now) / 1000));
}
