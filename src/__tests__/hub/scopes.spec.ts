import {
  allows,
  canManageServers,
  expandScopeName,
  grantCount,
  GrantLevel,
  missingActions,
  missingScopes,
  parseScope,
  ServerAction,
  serverGrants
} from '../../hub';

/** The grant level of every action, for alice's token with these scopes. */
function levels(...scopes: string[]): Record<ServerAction, GrantLevel> {
  return { ...serverGrants('alice', scopes).levels };
}

const NONE: Record<ServerAction, GrantLevel> = {
  list: 'no',
  start: 'no',
  stop: 'no',
  delete: 'no',
  access: 'no'
};

const ALL: Record<ServerAction, GrantLevel> = {
  list: 'yes',
  start: 'yes',
  stop: 'yes',
  delete: 'yes',
  access: 'yes'
};

/** Everything but reaching a server: what `servers` gives. */
const MANAGE: Record<ServerAction, GrantLevel> = { ...ALL, access: 'no' };

describe('parseScope', () => {
  it.each([
    ['servers', { name: 'servers', filter: { kind: 'all' } }],
    ['servers!user', { name: 'servers', filter: { kind: 'own' } }],
    [
      'read:servers!user=alice',
      { name: 'read:servers', filter: { kind: 'user', user: 'alice' } }
    ],
    [
      'access:servers!server=alice/lab-1',
      {
        name: 'access:servers',
        filter: { kind: 'server', user: 'alice', server: 'lab-1' }
      }
    ],
    [
      'access:servers!server=alice/',
      {
        name: 'access:servers',
        filter: { kind: 'server', user: 'alice', server: '' }
      }
    ],
    [
      'access:servers!server',
      {
        name: 'access:servers',
        filter: { kind: 'server', user: '', server: '' }
      }
    ],
    [
      'servers!group=staff',
      { name: 'servers', filter: { kind: 'group', group: 'staff' } }
    ],
    [
      'access:services!service=announce',
      {
        name: 'access:services',
        filter: { kind: 'other', text: 'service=announce' }
      }
    ]
  ])('reads %s', (text, expected) => {
    expect(parseScope(text)).toEqual(expected);
  });

  it('keeps a user name with "=" or "/" whole', () => {
    expect(parseScope('servers!user=a=b/c').filter).toEqual({
      kind: 'user',
      user: 'a=b/c'
    });
  });
});

describe('expandScopeName', () => {
  it('follows the hierarchy: admin:servers ⊃ servers ⊃ read:servers, delete:servers', () => {
    expect([...expandScopeName('admin:servers')].sort()).toEqual([
      'admin:server_state',
      'admin:servers',
      'delete:servers',
      'read:servers',
      'servers'
    ]);
    expect([...expandScopeName('servers')].sort()).toEqual([
      'delete:servers',
      'read:servers',
      'servers'
    ]);
  });

  it('shares include access:servers', () => {
    expect(expandScopeName('shares').has('access:servers')).toBe(true);
  });

  it('read:servers, delete:servers and access:servers include nothing more', () => {
    for (const name of ['read:servers', 'delete:servers', 'access:servers']) {
      expect([...expandScopeName(name)]).toEqual([name]);
    }
  });

  it('user scopes do not include server scopes (JupyterHub 5)', () => {
    expect(expandScopeName('admin:users').has('servers')).toBe(false);
    expect(expandScopeName('users').has('read:servers')).toBe(false);
  });
});

describe('serverGrants', () => {
  it('a token with no scopes may do nothing', () => {
    expect(levels()).toEqual(NONE);
  });

  it('servers gives list, start, stop, delete, not access', () => {
    expect(levels('servers')).toEqual(MANAGE);
    expect(levels('servers!user')).toEqual(MANAGE);
    expect(levels('servers!user=alice')).toEqual(MANAGE);
  });

  it('admin:servers gives what servers gives', () => {
    expect(levels('admin:servers')).toEqual(MANAGE);
    expect(levels('admin:servers!user=alice')).toEqual(MANAGE);
  });

  it('a filter for another user grants nothing for the owner', () => {
    expect(levels('servers!user=bob', 'access:servers!user=bob')).toEqual(NONE);
  });

  it('each scope alone gives its own action', () => {
    expect(levels('read:servers!user=alice')).toEqual({
      ...NONE,
      list: 'yes'
    });
    expect(levels('delete:servers!user=alice')).toEqual({
      ...NONE,
      delete: 'yes'
    });
    expect(levels('access:servers!user=alice')).toEqual({
      ...NONE,
      access: 'yes'
    });
  });

  it('the expanded scopes of a page token with "servers!user" and "access:servers"', () => {
    // What JupyterHub 5.4 answers for such a page token (expanded).
    const scopes = [
      'access:servers!server=alice/',
      'access:servers!user=alice',
      'delete:servers!user=alice',
      'read:servers!user=alice',
      'read:users:name!user=alice',
      'servers!user=alice'
    ];
    expect(levels(...scopes)).toEqual(ALL);
    expect(canManageServers(serverGrants('alice', scopes))).toBe(true);
  });

  it('a default page token reaches only its own server: nothing to manage with', () => {
    const grants = serverGrants('alice', [
      'access:servers!server=alice/',
      'read:users:name!user=alice'
    ]);
    expect(grants.levels).toEqual({ ...NONE, access: 'some-servers' });
    expect(canManageServers(grants)).toBe(false);
    expect(allows(grants, 'access')).toBe(false);
  });

  it('a server filter is only some servers, even for start', () => {
    expect(levels('servers!server=alice/lab')).toEqual({
      list: 'some-servers',
      start: 'some-servers',
      stop: 'some-servers',
      delete: 'some-servers',
      access: 'no'
    });
    expect(levels('servers!server=bob/lab')).toEqual(NONE);
    expect(levels('access:servers!server')).toEqual({
      ...NONE,
      access: 'some-servers'
    });
  });

  it('a group filter is "group": not known to include the owner', () => {
    const grants = serverGrants('alice', ['servers!group=staff']);
    expect(grants.levels).toEqual({
      list: 'group',
      start: 'group',
      stop: 'group',
      delete: 'group',
      access: 'no'
    });
    expect(canManageServers(grants)).toBe(false);
    expect(missingActions(grants)).toEqual([
      'list',
      'start',
      'stop',
      'delete',
      'access'
    ]);
  });

  it('the widest filter wins', () => {
    expect(
      levels('servers!server=alice/x', 'servers!group=g', 'servers!user')
    ).toEqual(MANAGE);
    expect(levels('servers!server=alice/x', 'servers!group=g').list).toBe(
      'group'
    );
  });

  it('inherit (and its older name all, and self) has what the owner has', () => {
    expect(levels('inherit')).toEqual(ALL);
    expect(levels('all')).toEqual(ALL);
    expect(levels('self')).toEqual(ALL);
  });

  it('shares include access:servers with their filter', () => {
    expect(levels('shares!user=alice')).toEqual({ ...NONE, access: 'yes' });
    expect(levels('shares!user=bob')).toEqual(NONE);
  });

  it('scopes that say nothing about servers grant nothing', () => {
    expect(
      levels(
        'users',
        'admin:users',
        'read:users',
        'tokens',
        'list:users',
        '(no_scope)',
        'access:services',
        'read:servers!service=x'
      )
    ).toEqual(NONE);
  });

  it('scopes with spaces around are read', () => {
    expect(levels(' servers!user ').start).toBe('yes');
  });
});

describe('missing actions and scopes', () => {
  it('names each missing scope once, in action order', () => {
    const grants = serverGrants('alice', ['read:servers!user']);
    expect(missingActions(grants)).toEqual([
      'start',
      'stop',
      'delete',
      'access'
    ]);
    expect(missingScopes(grants)).toEqual([
      'servers',
      'delete:servers',
      'access:servers'
    ]);
    expect(grantCount(grants)).toBe(1);
  });

  it('nothing is missing with everything', () => {
    const grants = serverGrants('alice', ['servers', 'access:servers']);
    expect(missingActions(grants)).toEqual([]);
    expect(missingScopes(grants)).toEqual([]);
    expect(grantCount(grants)).toBe(5);
  });

  it('listing without starting is not enough to manage servers', () => {
    expect(
      canManageServers(
        serverGrants('alice', ['read:servers', 'delete:servers'])
      )
    ).toBe(false);
    expect(canManageServers(serverGrants('alice', ['servers']))).toBe(true);
  });
});
