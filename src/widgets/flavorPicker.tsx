/**
 * The start form's system and flavor: from the hub's list, else from the
 * settings' list, else typed. Each flavor shows its name, description, run
 * time and usage; a full one cannot be chosen and says why.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import {
  firstFreeFlavor,
  flavorFullReason,
  flavorRuntime,
  flavorUsage,
  IFlavor,
  isFlavorFull,
  Systems
} from '../hub';
import { Problem, SelectField, TextField } from './formFields';

/**
 * Props of the system and flavor fields.
 */
export interface ISystemFieldsProps {
  /** The hub's systems and flavors; `null`: the hub does not list them. */
  hubSystems: Systems | null;
  /** The systems to offer when the hub lists none (may be empty). */
  fallback: Systems;
  system: string;
  flavor: string;
  /** Why a field cannot start, or null. */
  problemFor: (field: 'system' | 'flavor') => string | null;
  trans: TranslationBundle;
  onChange: (change: { system?: string; flavor?: string }) => void;
}

/**
 * The system and flavor fields: choices when a list is known, text inputs
 * when none is.
 */
export function SystemFields(props: ISystemFieldsProps): JSX.Element {
  const { trans, system, flavor } = props;
  const fromHub = props.hubSystems !== null;
  const listed =
    props.hubSystems ??
    (Object.keys(props.fallback).length ? props.fallback : null);
  if (!listed) {
    // Nobody lists the systems: the user names them.
    return (
      <>
        <TextField
          label={trans.__('System')}
          name="system"
          value={system}
          problem={props.problemFor('system')}
          onChange={value => props.onChange({ system: value })}
        />
        <TextField
          label={trans.__('Flavor')}
          name="flavor"
          value={flavor}
          problem={props.problemFor('flavor')}
          onChange={value => props.onChange({ flavor: value })}
        />
      </>
    );
  }
  const systemChoices: [string, string][] = Object.keys(listed).map(name => [
    name,
    name
  ]);
  if (system && !listed[system]) {
    // Keep what the user had; the problem below says it cannot start.
    systemChoices.push([
      system,
      fromHub ? trans.__('%1 (not offered)', system) : system
    ]);
  }
  let flavors = listed[system] ?? {};
  if (!fromHub && flavor && !flavors[flavor]) {
    // The settings' list is a suggestion: a flavor beyond it stays choosable.
    flavors = { ...flavors, [flavor]: plainFlavor(flavor) };
  }
  return (
    <>
      <SelectField
        label={trans.__('System')}
        name="system"
        value={system}
        choices={systemChoices}
        problem={props.problemFor('system')}
        onChange={next => {
          const nextFlavors = listed[next] ?? {};
          const keep =
            nextFlavors[flavor] !== undefined &&
            !isFlavorFull(nextFlavors[flavor]);
          props.onChange({
            system: next,
            flavor: keep ? flavor : (firstFreeFlavor(nextFlavors) ?? flavor)
          });
        }}
      />
      <FlavorPicker
        label={trans.__('Flavor')}
        flavors={flavors}
        value={flavor}
        problem={props.problemFor('flavor')}
        trans={trans}
        onChange={value => props.onChange({ flavor: value })}
      />
    </>
  );
}

/** A flavor known by its key only. */
function plainFlavor(key: string): IFlavor {
  return {
    displayName: key,
    description: '',
    max: null,
    current: null,
    runtime: null
  };
}

/**
 * Props of the flavor picker.
 */
export interface IFlavorPickerProps {
  /** The field's label. */
  label: string;
  /** The system's flavors, by key, in the hub's order. */
  flavors: Record<string, IFlavor>;
  /** The chosen flavor's key (may be one that is not offered). */
  value: string;
  /** Why the choice cannot start, or null. */
  problem: string | null;
  trans: TranslationBundle;
  onChange: (flavor: string) => void;
}

/**
 * The flavors of one system as a group of radio buttons.
 */
export function FlavorPicker(props: IFlavorPickerProps): JSX.Element {
  const { trans } = props;
  const id = React.useId();
  const names = Object.keys(props.flavors);
  const problemId = `${id}-problem`;
  return (
    <fieldset
      className="jp-nfdi-field jp-nfdi-flavors"
      aria-describedby={props.problem ? problemId : undefined}
    >
      <legend>{props.label}</legend>
      {names.length === 0 && (
        <span className="jp-nfdi-flavors-empty">
          {trans.__('The hub offers no flavors on this system.')}
        </span>
      )}
      {names.map((name, index) => (
        <FlavorChoice
          key={name}
          id={`${id}-${index}`}
          name={name}
          flavor={props.flavors[name]}
          checked={name === props.value}
          trans={trans}
          onChange={props.onChange}
        />
      ))}
      <Problem id={problemId} text={props.problem} />
    </fieldset>
  );
}

/**
 * One flavor: its name labels the radio button, the rest describes it.
 */
function FlavorChoice(props: {
  id: string;
  name: string;
  flavor: IFlavor;
  checked: boolean;
  trans: TranslationBundle;
  onChange: (flavor: string) => void;
}): JSX.Element {
  const { flavor, id, trans } = props;
  const full = flavorFullReason(flavor, trans);
  const runtime = flavorRuntime(flavor, trans);
  const usage = full ?? flavorUsage(flavor, trans);
  const details = [runtime, usage].filter(Boolean).join(' · ');
  const described = [
    flavor.description ? `${id}-description` : '',
    details ? `${id}-details` : ''
  ]
    .filter(Boolean)
    .join(' ');
  const classes = ['jp-nfdi-flavor'];
  if (full) {
    classes.push('jp-mod-full');
  }
  if (props.checked) {
    classes.push('jp-mod-selected');
  }
  return (
    <label
      className={classes.join(' ')}
      data-flavor={props.name}
      title={full ?? undefined}
    >
      <input
        type="radio"
        name="flavor"
        value={props.name}
        checked={props.checked}
        disabled={!!full}
        aria-labelledby={`${id}-name`}
        aria-describedby={described || undefined}
        onChange={() => props.onChange(props.name)}
      />
      <span className="jp-nfdi-flavor-text">
        <span id={`${id}-name`} className="jp-nfdi-flavor-name">
          {flavor.displayName}
        </span>
        {flavor.description && (
          <span id={`${id}-description`} className="jp-nfdi-flavor-description">
            {flavor.description}
          </span>
        )}
        {details && (
          <span id={`${id}-details`} className="jp-nfdi-flavor-details">
            {details}
          </span>
        )}
      </span>
    </label>
  );
}
