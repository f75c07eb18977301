import { checkToken, chooseToken } from '../../connection/tokenChoice';
import { TokenCheck } from '../../connection/types';
import { HubClient, serverGrants } from '../../hub';
import { FakeFetch } from '../hub/fakeFetch';

const ok = (...scopes: string[]): TokenCheck => ({
  state: 'ok',
  grants: serverGrants('alice', scopes)
});
const FULL = ok('servers!user=alice', 'access:servers!user=alice');
const MANAGE = ok('servers!user=alice');
const LIST = ok('read:servers!user=alice');
const LIST_DELETE = ok('read:servers!user=alice', 'delete:servers!user=alice');
const OWN_SERVER_ONLY = ok('access:servers!server=alice/');
const REFUSED: TokenCheck = { state: 'refused', message: 'refused' };
const FAILED: TokenCheck = { state: 'failed', message: 'offline' };
const CHECKING: TokenCheck = { state: 'checking' };

describe('chooseToken', () => {
  it('uses the hub login when it may list and start, whatever the settings hold', () => {
    expect(chooseToken(FULL, null, false)).toBe('page');
    expect(chooseToken(MANAGE, null, true)).toBe('page');
    expect(chooseToken(MANAGE, FULL, true)).toBe('page');
  });

  it("uses the settings' token when the hub login cannot list", () => {
    expect(chooseToken(OWN_SERVER_ONLY, FULL, true)).toBe('settings');
    expect(chooseToken(OWN_SERVER_ONLY, null, true)).toBe('settings');
    // A refused settings token is still the one to show the refusal of.
    expect(chooseToken(OWN_SERVER_ONLY, REFUSED, true)).toBe('settings');
  });

  it('uses no token when the hub login cannot list and the settings hold none', () => {
    expect(chooseToken(OWN_SERVER_ONLY, null, false)).toBeNull();
    expect(chooseToken(ok(), null, false)).toBeNull();
    expect(chooseToken(REFUSED, null, false)).toBeNull();
    expect(chooseToken(FAILED, null, false)).toBeNull();
    expect(chooseToken(null, null, false)).toBeNull();
  });

  it('uses a hub login that may only list when nothing better is there', () => {
    expect(chooseToken(LIST, null, false)).toBe('page');
    expect(chooseToken(LIST, REFUSED, true)).toBe('page');
    expect(chooseToken(LIST_DELETE, LIST, true)).toBe('page');
  });

  it("prefers the settings' token when it does as much or more", () => {
    expect(chooseToken(LIST, FULL, true)).toBe('settings');
    expect(chooseToken(LIST, LIST, true)).toBe('settings');
    // Not known (no answer): the token the user gave.
    expect(chooseToken(LIST, FAILED, true)).toBe('settings');
    expect(chooseToken(LIST, null, true)).toBe('settings');
  });

  it("uses the settings' token while the hub login is checked, or when it is refused", () => {
    expect(chooseToken(CHECKING, null, true)).toBe('settings');
    expect(chooseToken(REFUSED, FULL, true)).toBe('settings');
    expect(chooseToken(null, null, true)).toBe('settings');
  });
});

describe('checkToken', () => {
  const client = (fake: FakeFetch) =>
    new HubClient({
      hubUrl: 'https://hub.example.org/',
      token: 'tok',
      fetch: fake.fetch
    });

  it("reads the owner's grants from GET /hub/api/user", async () => {
    const fake = new FakeFetch().answer({
      status: 200,
      body: { name: 'alice', scopes: ['servers!user=alice'] }
    });
    const check = await checkToken(client(fake));
    expect(check).toEqual({
      state: 'ok',
      grants: serverGrants('alice', ['servers!user=alice'])
    });
    expect(fake.calls[0].url).toBe('https://hub.example.org/hub/api/user');
  });

  it('says when the hub refuses the token', async () => {
    const fake = new FakeFetch().answer({
      status: 403,
      body: { status: 403, message: 'Missing or invalid credentials.' }
    });
    const check = await checkToken(client(fake));
    expect(check.state).toBe('refused');
  });

  it('says when the hub gives no answer, without throwing', async () => {
    const fake = new FakeFetch().answer(new TypeError('Failed to fetch'));
    const check = await checkToken(client(fake));
    expect(check.state).toBe('failed');
    expect((check as { message: string }).message).not.toBe('');
  });
});
