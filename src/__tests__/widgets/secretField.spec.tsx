/**
 * The token is a secret: masked, shown only on request.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import * as React from 'react';

import { SecretField } from '../../widgets/secretField';
import { trans } from './fixtures';

const TOKEN = 'tok-5ecret-123456';

/** The input of the field named `name` (a password input has no role). */
const input = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
/** The toggle: one name whatever its state; `aria-pressed` tells the state. */
const toggle = () =>
  screen.getByRole('button', { name: 'Show token' }) as HTMLButtonElement;

/** The field with its value kept by the test, as a form keeps it. */
function Controlled(props: { onChange: (value: string) => void }) {
  const [value, setValue] = React.useState(TOKEN);
  return (
    <SecretField
      label={trans.__('API token')}
      value={value}
      trans={trans}
      onChange={next => {
        setValue(next);
        props.onChange(next);
      }}
    />
  );
}

describe('SecretField', () => {
  it('renders the secret masked, never autocompleted or spell-checked [F25]', () => {
    render(<Controlled onChange={() => undefined} />);
    const field = input('API token');
    expect(field.type).toBe('password');
    expect(field.value).toBe(TOKEN);
    expect(field.getAttribute('autocomplete')).toBe('off');
    expect(field.getAttribute('spellcheck')).toBe('false');
    expect(toggle().getAttribute('aria-pressed')).toBe('false');
    // The secret is nowhere but in the input's value.
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });

  it('shows the secret while the toggle is pressed, and hides it again [F25]', () => {
    render(<Controlled onChange={() => undefined} />);
    fireEvent.click(toggle());
    expect(input('API token').type).toBe('text');
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
    expect(toggle().title).toBe('Hide token');
    fireEvent.click(toggle());
    expect(input('API token').type).toBe('password');
    expect(toggle().getAttribute('aria-pressed')).toBe('false');
    expect(toggle().title).toBe('Show token');
  });

  it('passes every change on', () => {
    const onChange = jest.fn<void, [string]>();
    render(<Controlled onChange={onChange} />);
    fireEvent.change(input('API token'), { target: { value: 'new-token' } });
    expect(onChange).toHaveBeenCalledWith('new-token');
    expect(input('API token').value).toBe('new-token');
  });
});
