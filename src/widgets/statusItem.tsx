/**
 * The status bar item: "NFDI: 2 running · 1 starting · 12 min left".
 */
import { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import { ISignal, Signal } from '@lumino/signaling';
import { Message } from '@lumino/messaging';
import * as React from 'react';

import { formatDuration, refreshDelay } from '../servers/lifetime';
import type {
  IServerLifetimes,
  IServersModel,
  IServerSummary
} from '../servers/types';

/**
 * The words of a summary, or `null` when there is nothing to show.
 */
export function summaryText(
  summary: IServerSummary,
  trans: TranslationBundle
): string | null {
  const parts: string[] = [];
  if (summary.running) {
    parts.push(trans.__('%1 running', summary.running));
  }
  if (summary.starting) {
    parts.push(trans.__('%1 starting', summary.starting));
  }
  if (!parts.length) {
    return null;
  }
  if (summary.shortest !== null) {
    parts.push(trans.__('%1 left', formatDuration(summary.shortest, trans)));
  }
  return trans.__('NFDI: %1', parts.join(' · '));
}

/**
 * Shows the user's servers at a glance; a click runs `onClick` (opens the
 * sidebar). Shown only while a server runs or starts; counts its time left
 * down while shown.
 */
export class NFDIStatusItem extends ReactWidget {
  constructor(options: {
    servers: IServersModel;
    lifetimes: IServerLifetimes;
    /** Emitted when a start begins or ends (the launches' `changed`). */
    launchesChanged?: ISignal<unknown, unknown> | null;
    trans: TranslationBundle;
    onClick: () => void;
  }) {
    super();
    this._servers = options.servers;
    this._lifetimes = options.lifetimes;
    this._launchesChanged = options.launchesChanged ?? null;
    this._trans = options.trans;
    this._onClick = options.onClick;
    this.addClass('jp-nfdi-statusbar-item');
    this._servers.changed.connect(this._onChange, this);
    this._lifetimes.changed.connect(this._onChange, this);
    this._launchesChanged?.connect(this._onChange, this);
    this._summary = this._lifetimes.summary();
  }

  /** Whether there is anything to show. */
  isActive(): boolean {
    return summaryText(this._summary, this._trans) !== null;
  }

  /** Emitted when `isActive()` may have changed. */
  get activeStateChanged(): ISignal<this, void> {
    return this._activeStateChanged;
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    clearTimeout(this._tick);
    this._servers.changed.disconnect(this._onChange, this);
    this._lifetimes.changed.disconnect(this._onChange, this);
    this._launchesChanged?.disconnect(this._onChange, this);
    super.dispose();
  }

  protected render(): JSX.Element | null {
    const text = summaryText(this._summary, this._trans);
    if (!text) {
      return null;
    }
    return (
      <button
        type="button"
        className="jp-nfdi-statusbar-button"
        title={this._trans.__('Show your NFDI servers')}
        onClick={this._onClick}
      >
        {text}
      </button>
    );
  }

  protected onAfterShow(msg: Message): void {
    super.onAfterShow(msg);
    this._onChange();
  }

  protected onAfterHide(msg: Message): void {
    super.onAfterHide(msg);
    clearTimeout(this._tick);
  }

  private _onChange(): void {
    const wasActive = this.isActive();
    this._summary = this._lifetimes.summary();
    this.update();
    if (this.isActive() !== wasActive) {
      this._activeStateChanged.emit();
    }
    clearTimeout(this._tick);
    const shortest = this._summary.shortest;
    if (shortest !== null && this.isActive() && this.isVisible) {
      this._tick = setTimeout(() => this._onChange(), refreshDelay(shortest));
    }
  }

  private readonly _servers: IServersModel;
  private readonly _lifetimes: IServerLifetimes;
  private readonly _launchesChanged: ISignal<unknown, unknown> | null;
  private readonly _trans: TranslationBundle;
  private readonly _onClick: () => void;
  private readonly _activeStateChanged = new Signal<this, void>(this);
  private _summary: IServerSummary;
  private _tick: ReturnType<typeof setTimeout> | undefined = undefined;
}
