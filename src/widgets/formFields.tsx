/**
 * Labelled form fields of the sidebar, each with the reason it was refused.
 */
import * as React from 'react';

/**
 * A labelled field with the reason it was refused, if it was.
 */
export function Field(props: {
  label: string;
  problem?: string | null;
  children: React.ReactNode;
}): JSX.Element {
  return (
    <label className="jp-nfdi-field">
      <span>{props.label}</span>
      {props.children}
      <Problem text={props.problem} />
    </label>
  );
}

/**
 * Why a field was refused, announced when it appears.
 */
export function Problem(props: { text?: string | null }): JSX.Element | null {
  return props.text ? (
    <span className="jp-nfdi-field-problem" role="alert">
      {props.text}
    </span>
  ) : null;
}

/**
 * A labelled text input.
 */
export function TextField(props: {
  label: string;
  name: string;
  value: string;
  placeholder?: string;
  maxLength?: number;
  problem?: string | null;
  onChange: (value: string) => void;
}): JSX.Element {
  return (
    <Field label={props.label} problem={props.problem}>
      <input
        className="jp-mod-styled"
        name={props.name}
        value={props.value}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        onChange={event => props.onChange(event.target.value)}
      />
    </Field>
  );
}

/**
 * A labelled drop-down.
 */
export function SelectField(props: {
  label: string;
  name: string;
  value: string;
  /** `[value, label]` pairs. */
  choices: ReadonlyArray<readonly [string, string]>;
  problem?: string | null;
  onChange: (value: string) => void;
}): JSX.Element {
  return (
    <Field label={props.label} problem={props.problem}>
      <select
        className="jp-mod-styled"
        name={props.name}
        value={props.value}
        onChange={event => props.onChange(event.target.value)}
      >
        {props.choices.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </Field>
  );
}
