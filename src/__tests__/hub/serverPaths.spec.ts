import { apiServerPath, serverBaseUrl } from '../../hub/serverPaths';

const BASE = 'https://hub.example.org/jhub/';
const ORIGIN = 'https://hub.example.org';

describe('apiServerPath', () => {
  it.each([
    [`${BASE}hub/api/start/alice/s1`, 'status', 'alice', 's1'],
    [`${BASE}hub/api/start/alice/s1/`, 'status', 'alice', 's1'],
    [
      `${BASE}hub/api/start/al%20ice/my%20server`,
      'status',
      'al ice',
      'my server'
    ],
    [`${BASE}hub/api/start/a@b.org/s1`, 'status', 'a@b.org', 's1'],
    [`${BASE}hub/api/users/alice/servers/s1`, 'delete', 'alice', 's1'],
    [`${BASE}hub/api/users/alice/servers/s1/`, 'delete', 'alice', 's1']
  ] as const)('%s names %s of %s', (url, kind, user, server) => {
    expect(apiServerPath(url, BASE, kind)).toEqual({ user, server });
  });

  it.each([
    // Not the hub's base path, or not the start API.
    [`${ORIGIN}/hub/api/start/alice/s1`, 'status'],
    [`${BASE}hub/api/users/alice/servers/s1`, 'status'],
    [`${BASE}hub/api/start/alice/s1`, 'delete'],
    [`${BASE}hub/logout`, 'status'],
    [`${BASE}user/alice/s1/`, 'status'],
    // Another shape.
    [`${BASE}hub/api/start/alice`, 'status'],
    [`${BASE}hub/api/start/alice/s1/x`, 'status'],
    [`${BASE}hub/api/start/alice//`, 'status'],
    [`${BASE}hub/api/users/alice/servers/s1/progress`, 'delete'],
    [`${BASE}hub/api/users/alice/server`, 'delete'],
    [`${BASE}hub/api/users/alice/servers/`, 'delete'],
    [`${BASE}hub/api/start/alice/s1?next=/hub/logout`, 'status'],
    [`${BASE}hub/api/start/alice/s1#x`, 'status'],
    // Tricks: a slash or dots inside a name, bad encoding.
    [`${BASE}hub/api/start/alice%2F..%2Fbob/s1`, 'status'],
    [`${BASE}hub/api/start/alice/s1%2F..%2F..%2Fbob%2Fs2`, 'status'],
    [`${BASE}hub/api/users/alice/servers/%2e%2e`, 'delete'],
    [`${BASE}hub/api/users/demo/servers/%E0%A4%A`, 'delete'],
    [`${BASE}hub/api/start/%E0%A4%A/s1`, 'status'],
    // Another origin.
    ['https://evil.example.org/jhub/hub/api/start/alice/s1', 'status'],
    ['not a url', 'status']
  ] as const)('refuses %s as %s', (url, kind) => {
    expect(apiServerPath(url, BASE, kind)).toBeNull();
  });

  it('resolves dot segments before it looks', () => {
    expect(
      apiServerPath(`${BASE}hub/api/start/alice/../bob/s1`, BASE, 'status')
    ).toEqual({ user: 'bob', server: 's1' });
    expect(
      apiServerPath(`${BASE}hub/api/start/alice/%2e%2e/bob/s1`, BASE, 'status')
    ).toEqual({ user: 'bob', server: 's1' });
  });
});

describe('serverBaseUrl', () => {
  it.each([
    [`${BASE}user/alice/s1/`, `${BASE}user/alice/s1/`],
    [`${BASE}user/alice/s1`, `${BASE}user/alice/s1/`],
    [`${BASE}user/alice/s1/lab/tree/a.ipynb?x=1`, `${BASE}user/alice/s1/`],
    // As the start API builds it, without the base path.
    [`${ORIGIN}/user/alice/s1/`, `${ORIGIN}/user/alice/s1/`]
  ])('%s lies in alice/s1 (%s)', (url, base) => {
    expect(serverBaseUrl(url, BASE, 'alice', 's1')).toBe(base);
    expect(serverBaseUrl(url, BASE, 'alice')).toBe(base);
  });

  it('compares names decoded', () => {
    expect(
      serverBaseUrl(`${BASE}user/al%20ice/my%20s/`, BASE, 'al ice', 'my s')
    ).toBe(`${BASE}user/al%20ice/my%20s/`);
  });

  it('knows a default server by its base URL only', () => {
    expect(serverBaseUrl(`${BASE}user/alice/`, BASE, 'alice', '')).toBe(
      `${BASE}user/alice/`
    );
    expect(serverBaseUrl(`${BASE}user/alice/lab`, BASE, 'alice', '')).toBe(
      null
    );
  });

  it.each([
    `${BASE}hub/logout`,
    `${ORIGIN}/hub/logout`,
    `${BASE}user/bob/s1/`,
    `${BASE}user/alice/s2/`,
    `${BASE}user/alice/s1/../../bob/s1/`,
    `${BASE}user/alice/s1/%2e%2e/%2e%2e/bob/s1/`,
    `${BASE}user/alice%2F..%2Fbob/s1/`,
    `${BASE}user/alice/s1%2F..%2Fs2/`,
    `${BASE}user/%E0%A4%A/s1/`,
    `${BASE}user/alice`,
    `${BASE}users/alice/s1/`,
    `${ORIGIN}/other/user/alice/s1/`,
    'https://evil.example.org/jhub/user/alice/s1/'
  ])('%s is not in alice/s1', url => {
    expect(serverBaseUrl(url, BASE, 'alice', 's1')).toBeNull();
  });
});
