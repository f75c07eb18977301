/**
 * The token in the Settings Editor: the form's field for it is masked.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import * as React from 'react';

import { ITokenFieldProps, tokenFieldRenderer } from '../../widgets/tokenField';
import { trans } from './fixtures';

const TOKEN = 'tok-5ecret-123456';

/** The input of the field named `name` (a password input has no role). */
const input = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const toggle = () =>
  screen.getByRole('button', { name: 'Show token' }) as HTMLButtonElement;

describe('the token field of the Settings Editor', () => {
  function renderToken(props: Partial<ITokenFieldProps> = {}) {
    const TokenField = tokenFieldRenderer(trans) as React.ComponentType<
      Partial<ITokenFieldProps>
    >;
    const onChange = jest.fn<void, [string]>();
    render(
      <TokenField
        formData={TOKEN}
        idSchema={{ $id: 'jp-SettingsEditor-plugin_token' }}
        schema={{ title: trans.__('API token') }}
        onChange={onChange}
        {...props}
      />
    );
    return onChange;
  }

  it('renders the setting masked, named by its title [F25]', () => {
    renderToken();
    const field = input('API token');
    expect(field.type).toBe('password');
    expect(field.id).toBe('jp-SettingsEditor-plugin_token');
    expect(field.value).toBe(TOKEN);
    expect(document.body.innerHTML).not.toContain(TOKEN);
    fireEvent.click(toggle());
    expect(field.type).toBe('text');
  });

  it('hands every change to the form, which saves it', () => {
    const onChange = renderToken();
    fireEvent.change(input('API token'), { target: { value: 'new-token' } });
    expect(onChange).toHaveBeenCalledWith('new-token');
    fireEvent.change(input('API token'), { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith('');
  });

  it('shows an unset token as empty', () => {
    renderToken({ formData: undefined });
    expect(input('API token').value).toBe('');
  });
});
