/**
 * The systems and flavors the hub offers, kept fresh for the start form.
 */
import type { IHubClient, Systems } from '../hub';
import { keepEqual } from './unchanged';

/** How often (ms) the hub's systems and flavors are asked again. */
const INTERVAL = 30 * 1000;

/**
 * What `GET /hub/api/outpostflavors` said last: asked on the first refresh,
 * then at most every 30 s (usage changes, flavors come and go) and only
 * with a refresh of the list (never while no view needs it), never again
 * once the hub said it has no such list.
 */
export class HubSystems {
  /** The hub's systems and flavors; `null` while unknown or not offered. */
  get systems(): Systems | null {
    return this._systems;
  }

  /** Ask the hub again if it is time. Never rejects. */
  async refresh(client: IHubClient): Promise<void> {
    const now = Date.now();
    if (this._missing || now - this._askedAt < INTERVAL) {
      return;
    }
    this._askedAt = now;
    try {
      const systems = await client.systems();
      this._missing = systems === null;
      // Unchanged, it stays the same object: the start form is not redrawn.
      this._systems = keepEqual(this._systems, systems);
    } catch {
      // Keep what the hub said last; ask again later.
    }
  }

  private _systems: Systems | null = null;
  private _askedAt = -Infinity;
  private _missing = false;
}
