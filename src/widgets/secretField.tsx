/**
 * A field for a secret (the API token): masked, never autocompleted or
 * spell-checked, with a toggle button to show it while it is typed.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { hideSecretIcon, showSecretIcon } from '../icons';

/**
 * Props of the secret field.
 */
export interface ISecretFieldProps {
  /** The secret. */
  value: string;
  /** Called with the new value at every change. */
  onChange: (value: string) => void;
  trans: TranslationBundle;
  /** The input's id, for a `<label htmlFor>` outside. */
  id?: string;
  /** The input's name when no visible label names it. */
  label?: string;
  /** Ids of elements that describe the input (e.g. its description). */
  describedBy?: string;
  /** Classes of the input, beside `jp-mod-styled`. */
  inputClassName?: string;
  placeholder?: string;
  disabled?: boolean;
  readOnly?: boolean;
}

/**
 * The secret field. The toggle keeps one accessible name ("Show token");
 * `aria-pressed` says whether the token is shown, as a toggle button should.
 */
export function SecretField(props: ISecretFieldProps): JSX.Element {
  const { trans } = props;
  const [shown, setShown] = React.useState(false);
  // The value goes to the input's property only: a controlled input would
  // also copy it into the `value` attribute, i.e. into the page's markup.
  const input = React.useRef<HTMLInputElement>(null);
  React.useLayoutEffect(() => {
    if (input.current && input.current.value !== props.value) {
      input.current.value = props.value;
    }
  }, [props.value]);
  const icon = shown ? hideSecretIcon : showSecretIcon;
  const inputClasses = ['jp-mod-styled', 'jp-nfdi-secret-input'];
  if (props.inputClassName) {
    inputClasses.push(props.inputClassName);
  }
  return (
    <div className={`jp-nfdi-secret${shown ? ' jp-mod-shown' : ''}`}>
      <input
        className={inputClasses.join(' ')}
        id={props.id}
        type={shown ? 'text' : 'password'}
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        ref={input}
        placeholder={props.placeholder}
        disabled={props.disabled}
        readOnly={props.readOnly}
        aria-label={props.label}
        aria-describedby={props.describedBy}
        onChange={event => props.onChange(event.target.value)}
      />
      <button
        type="button"
        className="jp-nfdi-secret-toggle"
        aria-label={trans.__('Show token')}
        aria-pressed={shown}
        title={shown ? trans.__('Hide token') : trans.__('Show token')}
        disabled={props.disabled}
        onClick={() => setShown(value => !value)}
      >
        <icon.react tag="span" className="jp-nfdi-secret-icon" />
      </button>
    </div>
  );
}
