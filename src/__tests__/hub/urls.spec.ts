import {
  checkHubUrl,
  NFDI_HUB_URL,
  normalizeHubUrl,
  resolveHubUrl
} from '../../hub';

describe('normalizeHubUrl', () => {
  it.each([
    ['https://hub.nfdi-jupyter.de', 'https://hub.nfdi-jupyter.de/'],
    ['hub.nfdi-jupyter.de', 'https://hub.nfdi-jupyter.de/'],
    ['https://hub.nfdi-jupyter.de/hub/home', 'https://hub.nfdi-jupyter.de/'],
    [
      'https://hub.nfdi-jupyter.de/hub/token?x=1#y',
      'https://hub.nfdi-jupyter.de/'
    ],
    ['https://hub.nfdi-jupyter.de/hub/', 'https://hub.nfdi-jupyter.de/'],
    ['http://127.0.0.1:8000/jhub', 'http://127.0.0.1:8000/jhub/'],
    ['http://127.0.0.1:8000/jhub/hub', 'http://127.0.0.1:8000/jhub/'],
    ['  https://example.org/a/b/  ', 'https://example.org/a/b/'],
    ['hub.example.org:443', 'https://hub.example.org/'],
    [
      'hub.example.org:8443/jhub/hub/home',
      'https://hub.example.org:8443/jhub/'
    ],
    ['localhost:8000', 'http://localhost:8000/'],
    ['localhost:8000/hub/token', 'http://localhost:8000/'],
    ['127.0.0.1:8000', 'http://127.0.0.1:8000/'],
    ['[::1]:8000', 'http://[::1]:8000/'],
    ['localhost', 'http://localhost/'],
    ['localhost.example.org:8000', 'https://localhost.example.org:8000/']
  ])('%s -> %s', (input, expected) => {
    expect(normalizeHubUrl(input)).toBe(expected);
  });

  it.each([
    'ftp://example.org',
    'javascript:alert(1)',
    'https://u:p@example.org/',
    'http://'
  ])('refuses %s', input => {
    expect(() => normalizeHubUrl(input)).toThrow(TypeError);
  });
});

describe('resolveHubUrl', () => {
  it('uses the setting when given', () => {
    expect(
      resolveHubUrl(
        'https://other.example.org',
        { hubPrefix: '/hub/' },
        'https://x.org'
      )
    ).toBe('https://other.example.org/');
  });

  it('uses the hub this JupyterLab runs under (same origin)', () => {
    expect(
      resolveHubUrl(
        '',
        { hubHost: '', hubPrefix: '/hub/' },
        'http://127.0.0.1:8000'
      )
    ).toBe('http://127.0.0.1:8000/');
  });

  it('keeps the hub base URL of a prefixed hub', () => {
    expect(
      resolveHubUrl(
        '',
        { hubHost: '', hubPrefix: '/jhub/hub/' },
        'http://127.0.0.1:8000'
      )
    ).toBe('http://127.0.0.1:8000/jhub/');
  });

  it('uses hubHost when the hub is on another host', () => {
    expect(
      resolveHubUrl(
        '',
        { hubHost: 'https://hub.example.org', hubPrefix: '/hub/' },
        'https://user.example.org'
      )
    ).toBe('https://hub.example.org/');
  });

  it('falls back to Jupyter4NFDI outside a hub', () => {
    expect(resolveHubUrl('', {}, 'http://localhost:8888')).toBe(NFDI_HUB_URL);
  });
});

describe('checkHubUrl', () => {
  const hub = 'https://hub.example.org/jhub/';

  it('accepts absolute and relative URLs on the hub origin', () => {
    expect(checkHubUrl('https://hub.example.org/jhub/user/a/b/', hub)).toBe(
      'https://hub.example.org/jhub/user/a/b/'
    );
    expect(checkHubUrl('/jhub/user/a/b/', hub)).toBe(
      'https://hub.example.org/jhub/user/a/b/'
    );
  });

  it.each([
    'https://evil.example.org/jhub/user/a/b/',
    'https://hub.example.org.evil.com/',
    'http://hub.example.org/jhub/user/a/b/',
    'https://hub.example.org:444/',
    '//evil.example.org/x',
    'javascript:alert(1)',
    'data:text/html,hi',
    'https://user:pass@hub.example.org/',
    '',
    42,
    null
  ])('refuses %p', value => {
    expect(checkHubUrl(value, hub)).toBeNull();
  });
});
