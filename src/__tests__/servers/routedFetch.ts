/**
 * A fake hub for timing tests: answers every request by its path, for as
 * long as a test runs, and counts what was asked.
 */
import { FetchFunction, IFetchResponse } from '../../hub';
import { hubServer, HubState } from '../widgets/fixtures';

/**
 * Alice's servers as the hub lists them; a test changes `states` between
 * requests. `/hub/api/outpostflavors` answers 404.
 */
export class RoutedFetch {
  /** Each server's state, by name. */
  states: Record<string, HubState> = {};
  /** Extra fields of a server, by name. */
  extra: Record<string, Record<string, unknown>> = {};
  /** The path of each request, in order. */
  readonly asked: string[] = [];

  /** How many times the server list was asked. */
  get lists(): number {
    return this.asked.filter(path => path.startsWith('/hub/api/user')).length;
  }

  readonly fetch: FetchFunction = async url => {
    const { pathname } = new URL(url);
    this.asked.push(pathname);
    // The owner's model, as `/hub/api/user` and `/hub/api/users/alice` say it.
    if (pathname === '/hub/api/user' || pathname === '/hub/api/users/alice') {
      const servers: Record<string, unknown> = {};
      for (const [name, state] of Object.entries(this.states)) {
        servers[name] = hubServer(name, state, this.extra[name]);
      }
      return answer(200, { name: 'alice', scopes: [], servers });
    }
    return answer(404, { status: 404 });
  };
}

function answer(status: number, body: unknown): IFetchResponse {
  const text = JSON.stringify(body);
  return {
    status,
    type: 'basic',
    headers: {
      get: (name: string) =>
        name.toLowerCase() === 'content-type' ? 'application/json' : null
    },
    text: async () => text
  };
}
