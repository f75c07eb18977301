/**
 * The connection section says which token is in use and what it cannot do.
 */
import { act, render, screen } from '@testing-library/react';
import * as React from 'react';

import { IHubConnection, TokenCheck } from '../../connection/types';
import { serverGrants } from '../../hub';
import { ServersModel } from '../../servers/model';
import { ConnectionSection } from '../../widgets/connection';
import { IFakeAnswer } from '../hub/fakeFetch';
import { HUB, noFlavors, serverList, setup, trans } from './fixtures';

function section(hub: IHubConnection, model: ServersModel) {
  return (
    <ConnectionSection
      hub={hub}
      model={model}
      trans={trans}
      onSaveToken={async () => undefined}
    />
  );
}

/** The hub connection with this JupyterLab's hub login in some state. */
function withLogin(
  hub: IHubConnection,
  fields: Partial<IHubConnection>
): IHubConnection {
  return { ...hub, ...fields };
}

const ok = (...scopes: string[]): TokenCheck => ({
  state: 'ok',
  grants: serverGrants('alice', scopes)
});

/** `GET /hub/api/user?include_stopped_servers` of a token with these scopes. */
function withScopes(...scopes: string[]): IFakeAnswer {
  const answer = serverList();
  return { ...answer, body: { ...(answer.body as object), scopes } };
}

const items = () =>
  Array.from(document.querySelectorAll('li.jp-nfdi-scopes-action')).map(
    li => li.textContent
  );

const note = () => document.querySelector('.jp-nfdi-scopes');

describe('The token in use and its scopes', () => {
  let model: ServersModel;

  afterEach(() => {
    model.dispose();
  });

  it('says the hub login is used, with nothing missing and nothing to paste', async () => {
    const made = setup([
      withScopes('servers!user=alice', 'access:servers!user=alice'),
      noFlavors
    ]);
    model = made.model;
    const login = ok('servers!user=alice', 'access:servers!user=alice');
    const hub = withLogin(made.hub, {
      settings: { ...made.hub.settings, token: '' },
      tokenSource: 'page',
      pageLogin: login,
      grants: login.state === 'ok' ? login.grants : null
    });
    await act(() => model.refresh());
    render(section(hub, model));
    expect(screen.getByText('Signed in as alice.')).toBeTruthy();
    expect(
      screen.getByText("Using this JupyterLab's hub login (no token needed).")
    ).toBeTruthy();
    expect(note()).toBeNull();
    // The paste field stays, for another token.
    expect(screen.getByLabelText('API token')).toBeTruthy();
  });

  it("names what the settings' token cannot do, from the user's scopes", async () => {
    const made = setup([withScopes('read:servers!user=alice'), noFlavors]);
    model = made.model;
    await act(() => model.refresh());
    render(section(made.hub, model));
    expect(
      screen.getByText('Using the API token from the settings.')
    ).toBeTruthy();
    expect(
      screen.getByText('The API token from the settings cannot:')
    ).toBeTruthy();
    expect(items()).toEqual([
      'start servers (needs servers)',
      'stop servers (needs servers)',
      'delete servers (needs delete:servers)',
      "reach your servers' kernels and files (needs access:servers)"
    ]);
    expect(note()!.textContent).toContain(
      'Missing scopes: servers, delete:servers, access:servers.'
    );
    expect(note()!.classList).toContain('jp-mod-warning');
    // Where to get a better token.
    const link = screen.getByRole('link', {
      name: 'Get an API token on the hub'
    }) as HTMLAnchorElement;
    expect(link.href).toBe(`${HUB}hub/token`);
  });

  it('says what the hub login lacks when there is no token at all', () => {
    const made = setup([], { token: '' });
    model = made.model;
    const hub = withLogin(made.hub, {
      tokenSource: null,
      hasToken: false,
      pageLogin: ok('access:servers!server=alice/lab1')
    });
    render(section(hub, model));
    expect(
      screen.getByText(
        'No API token set. Get one on the hub, then paste it below.'
      )
    ).toBeTruthy();
    expect(screen.queryByText(/^Using /)).toBeNull();
    expect(
      screen.getByText("This JupyterLab's hub login cannot:")
    ).toBeTruthy();
    expect(items()).toEqual([
      'see your servers (needs read:servers)',
      'start servers (needs servers)',
      'stop servers (needs servers)',
      'delete servers (needs delete:servers)',
      "reach your servers' kernels and files (needs access:servers; granted only for some servers)"
    ]);
    expect(note()!.textContent).toContain(
      'Missing scopes: read:servers, servers, delete:servers, access:servers.'
    );
    expect(note()!.textContent).toContain("ask the hub's admins");
    expect(
      screen.getByRole('link', { name: 'Get an API token on the hub' })
    ).toBeTruthy();
    expect(screen.getByLabelText('API token')).toBeTruthy();
  });

  it('is quiet about a hub login that only cannot reach servers', () => {
    const made = setup([], { token: '' });
    model = made.model;
    const login = ok('servers!user=alice');
    const hub = withLogin(made.hub, {
      tokenSource: 'page',
      pageLogin: login,
      grants: login.state === 'ok' ? login.grants : null
    });
    render(section(hub, model));
    expect(items()).toEqual([
      "reach your servers' kernels and files (needs access:servers)"
    ]);
    expect(note()!.classList).not.toContain('jp-mod-warning');
  });

  it('says a group grant cannot be relied on', () => {
    const made = setup([], { token: '' });
    model = made.model;
    const hub = withLogin(made.hub, {
      tokenSource: null,
      hasToken: false,
      pageLogin: ok('read:servers!group=staff')
    });
    render(section(hub, model));
    expect(items()[0]).toBe(
      'see your servers (needs read:servers; granted only to a group; the hub does not tell whether you are in it)'
    );
  });

  it('when the hub refuses the hub login, says to reload or paste a token', async () => {
    const made = setup([
      {
        status: 403,
        body: { status: 403, message: 'Missing or invalid credentials.' }
      }
    ]);
    model = made.model;
    await model.refresh();
    const hub = withLogin(made.hub, { tokenSource: 'page' });
    render(section(hub, model));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The hub refused the token.');
    expect(alert.textContent).toContain(
      "This JupyterLab's hub login may have expired: reload the page to log in again, or paste an API token below."
    );
  });

  it('says the hub login is being checked', () => {
    const made = setup([], { token: '' });
    model = made.model;
    const hub = withLogin(made.hub, {
      tokenSource: null,
      hasToken: false,
      pageLogin: { state: 'checking' }
    });
    render(section(hub, model));
    expect(
      screen.getByText("Checking this JupyterLab's hub login…")
    ).toBeTruthy();
    expect(note()).toBeNull();
  });

  it('says the hub login is being checked while a pasted token waits for it', () => {
    const made = setup([], { token: 'pasted' });
    model = made.model;
    expect(model.connection).toBe('checking');
    const hub = withLogin(made.hub, {
      tokenSource: null,
      hasToken: true,
      pageLogin: { state: 'checking' }
    });
    render(section(hub, model));
    expect(
      screen.getByText("Checking this JupyterLab's hub login…")
    ).toBeTruthy();
  });

  it('says nothing about scopes when the hub lists none', async () => {
    // `GET /hub/api/user` of an older hub: no scopes.
    const made = setup([serverList(), noFlavors]);
    model = made.model;
    await act(() => model.refresh());
    render(section(made.hub, model));
    expect(screen.getByText('Signed in as alice.')).toBeTruthy();
    expect(note()).toBeNull();
  });
});
