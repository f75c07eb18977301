/**
 * Labelled form fields of the sidebar, each with the reason it was refused.
 *
 * A field's accessible name is its label only; the reason is linked to the
 * control with `aria-describedby` (and the control marked `aria-invalid`).
 */
import * as React from 'react';

/**
 * What a control needs to be named by its label and described by its
 * problem: spread onto the `<input>` or `<select>`.
 */
export interface IControlAria {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * The id of a field's control, the id of its problem, and the attributes
 * that link them.
 */
export function useFieldIds(problem?: string | null): {
  problemId: string;
  control: IControlAria;
} {
  const id = React.useId();
  const problemId = `${id}-problem`;
  return {
    problemId,
    control: problem
      ? { id, 'aria-invalid': true, 'aria-describedby': problemId }
      : { id }
  };
}

/**
 * A labelled control with the reason it was refused, if it was.
 */
export function Field(props: {
  label: string;
  /** The id of the labelled control. */
  controlId: string;
  problem?: string | null;
  /** The id of the problem's element (the control's description). */
  problemId?: string;
  children: React.ReactNode;
}): JSX.Element {
  return (
    <div className="jp-nfdi-field">
      <label htmlFor={props.controlId}>{props.label}</label>
      {props.children}
      <Problem id={props.problemId} text={props.problem} />
    </div>
  );
}

/**
 * Why a field was refused, announced when it appears.
 */
export function Problem(props: {
  text?: string | null;
  id?: string;
}): JSX.Element | null {
  return props.text ? (
    <span id={props.id} className="jp-nfdi-field-problem" role="alert">
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
  const { problemId, control } = useFieldIds(props.problem);
  return (
    <Field
      label={props.label}
      controlId={control.id}
      problem={props.problem}
      problemId={problemId}
    >
      <input
        className="jp-mod-styled"
        {...control}
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
  const { problemId, control } = useFieldIds(props.problem);
  return (
    <Field
      label={props.label}
      controlId={control.id}
      problem={props.problem}
      problemId={problemId}
    >
      <select
        className="jp-mod-styled"
        {...control}
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
