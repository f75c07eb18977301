/**
 * Server-sent events, as JupyterHub's progress stream sends them.
 */
import { isRecord } from './guards';
import { IProgressEvent } from './models';

/**
 * What a keep-alive gives among the events' data: a sign that the stream is
 * alive, with nothing in it.
 */
export const KEEP_ALIVE = '';

/** The progress event a keep-alive gives: nothing but a sign of life. */
export const KEEP_ALIVE_EVENT: Readonly<IProgressEvent> = {
  progress: null,
  message: '',
  ready: false,
  failed: false,
  keepAlive: true
};

/**
 * Splits an event stream into the data of each event.
 *
 * Feed it text as it arrives; it returns the events completed so far. Each
 * keep-alive line (a comment, or a blank line that ends no event) gives
 * `KEEP_ALIVE`: JupyterHub sends blank lines every few seconds, and a
 * stream that says nothing for long is not worth waiting on.
 */
export class EventStreamParser {
  /** Add text; returns the `data` of every event it completed. */
  push(text: string): string[] {
    // A `\r\n` may arrive split: the `\r` ended the line already.
    const rest = this._afterCR && text.startsWith('\n') ? text.slice(1) : text;
    if (text) {
      this._afterCR = text.endsWith('\r');
    }
    this._buffer += rest;
    const events: string[] = [];
    let newline = this._buffer.search(/\r\n|\r|\n/);
    while (newline >= 0) {
      const line = this._buffer.slice(0, newline);
      const width = this._buffer.startsWith('\r\n', newline) ? 2 : 1;
      this._buffer = this._buffer.slice(newline + width);
      if (line === '') {
        events.push(this._data.length ? this._data.join('\n') : KEEP_ALIVE);
        this._data = [];
      } else if (line.startsWith(':')) {
        events.push(KEEP_ALIVE);
      } else if (line.startsWith('data:')) {
        this._data.push(line.slice(5).replace(/^ /, ''));
      }
      newline = this._buffer.search(/\r\n|\r|\n/);
    }
    return events;
  }

  private _buffer = '';
  private _afterCR = false;
  private _data: string[] = [];
}

/**
 * A progress event from an event's data, or `null` if it is not one.
 *
 * Only the plain-text `message` is kept: `html_message` is never shown.
 */
export function toProgressEvent(data: string): IProgressEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRecord(value)) {
    return null;
  }
  const progress = value.progress;
  return {
    progress:
      typeof progress === 'number' && Number.isFinite(progress)
        ? Math.max(0, Math.min(100, progress))
        : null,
    message: typeof value.message === 'string' ? value.message.trim() : '',
    ready: value.ready === true,
    failed: value.failed === true,
    keepAlive: false
  };
}
