/**
 * What a JupyterHub token may do with its owner's servers, read from the
 * token's scopes (`GET /hub/api/user` → `scopes`).
 *
 * Pure functions, no requests. The hierarchy follows JupyterHub 5's scope
 * definitions (`jupyterhub/scopes.py`) as far as they lead to server scopes.
 */

/**
 * What the extension does with the owner's servers.
 *
 * - `list`: see the server configurations (`read:servers`);
 * - `start`, `stop`: start and stop them (`servers`);
 * - `delete`: delete a configuration (`delete:servers`);
 * - `access`: reach a running server's own Jupyter API, e.g. its kernels
 *   and files (`access:servers`).
 */
export type ServerAction = 'list' | 'start' | 'stop' | 'delete' | 'access';

/** Every action, in the order the user sees them. */
export const SERVER_ACTIONS: ReadonlyArray<ServerAction> = [
  'list',
  'start',
  'stop',
  'delete',
  'access'
];

/** The scope each action needs, without a filter. */
export const ACTION_SCOPES: Readonly<Record<ServerAction, string>> = {
  list: 'read:servers',
  start: 'servers',
  stop: 'servers',
  delete: 'delete:servers',
  access: 'access:servers'
};

/**
 * Which of its owner's servers a scope reaches.
 *
 * - `all`: no filter (every user's, the owner's included);
 * - `own`: `!user` without a name (the owner's);
 * - `user`: `!user=<name>`;
 * - `server`: `!server=<user>/<server>` (one server; `!server` without a
 *   name, the token's own server, has empty `user` and `server`);
 * - `group`: `!group=<name>`: the servers of a group's members;
 * - `other`: any other filter (e.g. `!service=`), reaching no user server.
 */
export type ScopeFilter =
  | { kind: 'all' }
  | { kind: 'own' }
  | { kind: 'user'; user: string }
  | { kind: 'server'; user: string; server: string }
  | { kind: 'group'; group: string }
  | { kind: 'other'; text: string };

/**
 * One scope: its name and filter.
 */
export interface IScope {
  /** e.g. `read:servers`. */
  name: string;
  /** What the `!…` part limits it to. */
  filter: ScopeFilter;
}

/**
 * How far a token may do one action on its owner's servers.
 *
 * - `yes`: on all of them;
 * - `group`: only through a group filter: the hub does not tell a token
 *   which groups its owner is in, so this cannot be relied on;
 * - `some-servers`: only on the servers named by `!server=` filters;
 * - `no`: not at all.
 */
export type GrantLevel = 'yes' | 'group' | 'some-servers' | 'no';

/**
 * What a token may do with its owner's servers.
 */
export interface IServerGrants {
  /** The token's owner. */
  owner: string;
  /** How far each action is granted. */
  levels: Readonly<Record<ServerAction, GrantLevel>>;
}

/**
 * Scopes that include others (JupyterHub 5's `subscopes`, the part that
 * leads to server scopes). A filter on a scope applies to what it includes.
 */
const INCLUDES: Readonly<Record<string, ReadonlyArray<string>>> = {
  'admin:servers': ['admin:server_state', 'servers'],
  servers: ['read:servers', 'delete:servers'],
  shares: ['access:servers', 'read:shares', 'users:shares', 'groups:shares']
};

/**
 * Metascopes: a token with one of them has (at most) what its owner has,
 * and every user has their own servers' scopes (JupyterHub's default `user`
 * role, i.e. `self`). `all` is the name `inherit` had before JupyterHub 3.
 */
const METASCOPES = new Set(['inherit', 'all', 'self']);

/**
 * Split a scope into name and filter: `read:servers!user=alice` →
 * `read:servers`, user `alice`.
 */
export function parseScope(text: string): IScope {
  const trimmed = text.trim();
  const bang = trimmed.indexOf('!');
  if (bang < 0) {
    return { name: trimmed, filter: { kind: 'all' } };
  }
  const name = trimmed.slice(0, bang);
  const filter = trimmed.slice(bang + 1);
  const equals = filter.indexOf('=');
  const key = equals < 0 ? filter : filter.slice(0, equals);
  const value = equals < 0 ? null : filter.slice(equals + 1);
  if (key === 'user') {
    return {
      name,
      filter: value === null ? { kind: 'own' } : { kind: 'user', user: value }
    };
  }
  if (key === 'server') {
    if (value === null) {
      return { name, filter: { kind: 'server', user: '', server: '' } };
    }
    const slash = value.indexOf('/');
    return {
      name,
      filter:
        slash < 0
          ? { kind: 'server', user: value, server: '' }
          : {
              kind: 'server',
              user: value.slice(0, slash),
              server: value.slice(slash + 1)
            }
    };
  }
  if (key === 'group' && value !== null) {
    return { name, filter: { kind: 'group', group: value } };
  }
  return { name, filter: { kind: 'other', text: filter } };
}

/**
 * A scope name and every scope it includes, e.g. `servers` →
 * `servers`, `read:servers`, `delete:servers`.
 */
export function expandScopeName(name: string): Set<string> {
  const found = new Set<string>();
  const visit = (scope: string) => {
    if (found.has(scope)) {
      return;
    }
    found.add(scope);
    for (const sub of INCLUDES[scope] ?? []) {
      visit(sub);
    }
  };
  visit(name);
  return found;
}

/** How far a scope's filter reaches the owner's servers. */
function reach(filter: ScopeFilter, owner: string): GrantLevel {
  switch (filter.kind) {
    case 'all':
    case 'own':
      return 'yes';
    case 'user':
      return filter.user === owner ? 'yes' : 'no';
    case 'server':
      // The token's own server (`!server`) or one named server of the owner.
      return filter.user === '' || filter.user === owner
        ? 'some-servers'
        : 'no';
    case 'group':
      return 'group';
    default:
      return 'no';
  }
}

const RANK: Readonly<Record<GrantLevel, number>> = {
  no: 0,
  'some-servers': 1,
  group: 2,
  yes: 3
};

/**
 * What a token with these scopes may do with the servers of its owner.
 *
 * @param owner - the token's owner (`GET /hub/api/user` → `name`)
 * @param scopes - the token's scopes; expanded or not
 */
export function serverGrants(
  owner: string,
  scopes: ReadonlyArray<string>
): IServerGrants {
  const levels: Record<ServerAction, GrantLevel> = {
    list: 'no',
    start: 'no',
    stop: 'no',
    delete: 'no',
    access: 'no'
  };
  const raise = (action: ServerAction, level: GrantLevel) => {
    if (RANK[level] > RANK[levels[action]]) {
      levels[action] = level;
    }
  };
  for (const text of scopes) {
    const scope = parseScope(text);
    if (METASCOPES.has(scope.name) && scope.filter.kind === 'all') {
      for (const action of SERVER_ACTIONS) {
        raise(action, 'yes');
      }
      continue;
    }
    const level = reach(scope.filter, owner);
    const names = expandScopeName(scope.name);
    for (const action of SERVER_ACTIONS) {
      if (names.has(ACTION_SCOPES[action])) {
        raise(action, level);
      }
    }
  }
  return { owner, levels };
}

/** Whether the token may do `action` on all of its owner's servers. */
export function allows(grants: IServerGrants, action: ServerAction): boolean {
  return grants.levels[action] === 'yes';
}

/** The actions the token may not do on all of its owner's servers. */
export function missingActions(grants: IServerGrants): ServerAction[] {
  return SERVER_ACTIONS.filter(action => !allows(grants, action));
}

/** The scopes behind the missing actions, each once, in action order. */
export function missingScopes(grants: IServerGrants): string[] {
  return [...new Set(missingActions(grants).map(a => ACTION_SCOPES[a]))];
}

/**
 * Whether the token is enough to manage servers from JupyterLab: list and
 * start them (stop comes with start).
 */
export function canManageServers(grants: IServerGrants): boolean {
  return allows(grants, 'list') && allows(grants, 'start');
}

/** How many actions the token may do, to compare two tokens. */
export function grantCount(grants: IServerGrants): number {
  return SERVER_ACTIONS.length - missingActions(grants).length;
}
