/**
 * The API token in JupyterLab's Settings Editor: the secret field in place
 * of the plain text input the form would draw for a string.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import type { IFormRenderer } from '@jupyterlab/ui-components';
import * as React from 'react';

import { SecretField } from './secretField';

/**
 * What the Settings Editor's form passes to a field (the part used here).
 */
export interface ITokenFieldProps {
  /** The setting's value. */
  formData?: unknown;
  /** Store a new value in the form (saved as any other field's). */
  onChange: (value: string) => void;
  /** The field's id in the form. */
  idSchema: { $id: string };
  /** The setting's schema (its title names the field). */
  schema: { title?: string };
  disabled?: boolean;
  readonly?: boolean;
}

/**
 * A field renderer for the `token` setting, for `IFormRendererRegistry`.
 * The form draws the title, description and default around it.
 */
export function tokenFieldRenderer(
  trans: TranslationBundle
): NonNullable<IFormRenderer['fieldRenderer']> {
  function TokenField(props: ITokenFieldProps): JSX.Element {
    return (
      <SecretField
        id={props.idSchema.$id}
        label={props.schema.title ?? trans.__('API token')}
        value={typeof props.formData === 'string' ? props.formData : ''}
        disabled={props.disabled}
        readOnly={props.readonly}
        trans={trans}
        onChange={props.onChange}
      />
    );
  }
  return TokenField;
}
