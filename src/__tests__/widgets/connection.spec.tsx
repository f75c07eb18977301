import {
  act,
  fireEvent,
  render,
  screen,
  waitFor
} from '@testing-library/react';
import * as React from 'react';

import { IHubConnection } from '../../connection/types';
import { ServersModel } from '../../servers/model';
import { ConnectionSection } from '../../widgets/connection';
import { HUB, noFlavors, serverList, setup, trans } from './fixtures';

const refused = {
  status: 403,
  body: { status: 403, message: 'Missing or invalid credentials.' }
};

function section(hub: IHubConnection, model: ServersModel) {
  return (
    <ConnectionSection
      hub={hub}
      model={model}
      trans={trans}
      onSaveToken={token => hub.setToken(token)}
    />
  );
}

/** The password field (it has no ARIA role), by its label. */
const tokenField = (label = 'Replace the API token') =>
  screen.getByLabelText(label) as HTMLInputElement;

const saveButton = () =>
  screen.getByRole('button', { name: 'Save token' }) as HTMLButtonElement;

describe('ConnectionSection', () => {
  let model: ServersModel;

  afterEach(() => {
    model.dispose();
  });

  it('shows the hub, then who is signed in once connected', async () => {
    const made = setup([serverList(), noFlavors]);
    model = made.model;
    const { rerender } = render(section(made.hub, model));
    expect(screen.getByText(HUB)).toBeTruthy();
    expect(screen.getByText('Checking the token…')).toBeTruthy();

    await act(() => model.refresh());
    rerender(section(made.hub, model));
    expect(screen.getByText('Signed in as alice.')).toBeTruthy();
    expect(screen.queryByText('Checking the token…')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when the hub refused the token, and where to get one', async () => {
    const made = setup([refused]);
    model = made.model;
    await model.refresh();
    render(section(made.hub, model));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The hub refused the token.');
    expect(alert.textContent).toContain(`${HUB}hub/token`);
    expect(alert.textContent).not.toContain('tok-123456');
    expect(screen.queryByText(/Signed in/)).toBeNull();
    const link = screen.getByRole('link', {
      name: 'Get an API token on the hub'
    }) as HTMLAnchorElement;
    expect(link.href).toBe(`${HUB}hub/token`);
    expect(link.target).toBe('_blank');
  });

  it('says when the hub could not be reached', async () => {
    const made = setup([new TypeError('Failed to fetch')]);
    model = made.model;
    await model.refresh();
    render(section(made.hub, model));
    expect(screen.getByRole('alert').textContent).toContain(
      'The hub could not be reached.'
    );
  });

  it('asks for a token when none is set [F31]', () => {
    const made = setup([], { token: '' });
    model = made.model;
    render(section(made.hub, model));
    expect(
      screen.getByText(
        'No API token set. Get one on the hub, then paste it below.'
      )
    ).toBeTruthy();
    expect(tokenField('API token')).toBeTruthy();
  });

  it('saves the token typed, then clears the field', async () => {
    const made = setup([]);
    model = made.model;
    const setToken = jest.fn(async (token: string) => undefined);
    (made.hub as { setToken: IHubConnection['setToken'] }).setToken = setToken;
    render(section(made.hub, model));

    expect(saveButton().disabled).toBe(true);
    fireEvent.change(tokenField(), { target: { value: 'new-token-42' } });
    expect(saveButton().disabled).toBe(false);
    fireEvent.click(saveButton());

    await waitFor(() => expect(tokenField().value).toBe(''));
    expect(setToken).toHaveBeenCalledTimes(1);
    expect(setToken).toHaveBeenCalledWith('new-token-42');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the token typed when it cannot be saved, and says why', async () => {
    const made = setup([]);
    model = made.model;
    const setToken = jest.fn(async (token: string) => {
      throw new Error('the settings are read-only');
    });
    (made.hub as { setToken: IHubConnection['setToken'] }).setToken = setToken;
    render(section(made.hub, model));

    fireEvent.change(tokenField(), { target: { value: 'new-token-42' } });
    fireEvent.click(saveButton());

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Could not save the token: the settings are read-only'
    );
    expect(setToken).toHaveBeenCalledWith('new-token-42');
    expect(tokenField().value).toBe('new-token-42');
    expect(saveButton().disabled).toBe(false);
  });

  it('never shows the token in clear unless asked to [F25]', async () => {
    const made = setup([serverList(), noFlavors], {
      token: 'tok-5ecret-123456'
    });
    model = made.model;
    await model.refresh();
    render(section(made.hub, model));
    // The saved token appears nowhere: not in texts, titles or labels.
    expect(document.body.innerHTML).not.toContain('tok-5ecret-123456');

    const field = tokenField();
    expect(field.type).toBe('password');
    expect(field.getAttribute('autocomplete')).toBe('off');
    fireEvent.change(field, { target: { value: 'typed-token-42' } });
    expect(document.body.innerHTML).not.toContain('typed-token-42');
    // One toggle shows what is typed, and hides it again.
    const toggle = screen.getByRole('button', { name: 'Show token' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(field.type).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(toggle);
    expect(field.type).toBe('password');
  });

  it('does not quote the token when saving it failed', async () => {
    const made = setup([]);
    model = made.model;
    const setToken = jest.fn(async (token: string) => {
      throw new Error(`cannot store "${token}"`);
    });
    (made.hub as { setToken: IHubConnection['setToken'] }).setToken = setToken;
    render(section(made.hub, model));
    fireEvent.change(tokenField(), { target: { value: 'typed-token-42' } });
    fireEvent.click(saveButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Could not save the token: cannot store "***"'
    );
    expect(tokenField().value).toBe('typed-token-42');
  });

  it('does not save blanks', () => {
    const made = setup([]);
    model = made.model;
    const setToken = jest.fn(async (token: string) => undefined);
    (made.hub as { setToken: IHubConnection['setToken'] }).setToken = setToken;
    render(section(made.hub, model));
    fireEvent.change(tokenField(), { target: { value: '   ' } });
    expect(saveButton().disabled).toBe(true);
    fireEvent.submit(saveButton().closest('form')!);
    expect(setToken).not.toHaveBeenCalled();
  });
});
