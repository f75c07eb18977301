/**
 * The sidebar's start form: the user options of a new server, checked before
 * any request is made.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import { Button } from '@jupyterlab/ui-components';
import * as React from 'react';

import {
  flavorProblem,
  IOptionsProblem,
  IUserOptions,
  MAX_NAME_LENGTH,
  REPO_TYPES,
  ServerOption,
  Systems,
  validateOptions
} from '../hub';
import { SystemFields } from './flavorPicker';
import { SelectField, TextField } from './formFields';

/**
 * Props of the start form.
 */
export interface IStartFormProps {
  /** Options to start from (the defaults from the settings). */
  defaults: IUserOptions;
  /** Systems and flavors the hub offers; `null`: the hub does not say. */
  systems: Systems | null;
  /** Systems and flavors to offer when the hub does not say (settings). */
  fallbackSystems?: Systems;
  /** Why starting is not possible now (e.g. the limit), or null. */
  blocked: string | null;
  trans: TranslationBundle;
  /** Start with these options; called inside the click handler. */
  onStart: (options: IUserOptions) => void;
}

/**
 * The start form. What the user typed stays until they change it. Redrawn
 * only when its props change (a refresh of the list that leaves the systems
 * and the limit as they were does not): pass an `onStart` that stays the same.
 */
export const StartForm = React.memo(StartFormView);

function StartFormView(props: IStartFormProps): JSX.Element {
  const { trans } = props;
  const [draft, setDraft] = React.useState<IUserOptions>(() => ({
    ...props.defaults,
    custom: { ...props.defaults.custom },
    repo2docker: { repotype: 'gh', ...props.defaults.repo2docker }
  }));
  const [problems, setProblems] = React.useState<IOptionsProblem[]>([]);

  // The hub's list changes under the form (usage, flavors that go away):
  // whether the choice can start is checked at every render.
  const offerProblem = flavorProblem(draft, props.systems, trans);

  const update = (change: IUserOptions) => {
    setDraft(current => ({ ...current, ...change }));
    setProblems([]);
  };
  const updateRepo = (change: Record<string, string>) =>
    update({ repo2docker: { ...draft.repo2docker, ...change } });

  const problemFor = (field: string) =>
    problems.find(p => p.field === field)?.message ??
    (offerProblem?.field === field ? offerProblem.message : null);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found = validateOptions(draft, trans);
    setProblems(found);
    if (found.length === 0 && !offerProblem && !props.blocked) {
      props.onStart(draft);
    }
  };

  const example = (value: string) => trans.__('e.g. %1', value);

  return (
    <section className="jp-nfdi-section jp-nfdi-start">
      <h3 className="jp-nfdi-section-title">{trans.__('Start a server')}</h3>
      <form className="jp-nfdi-start-form" onSubmit={submit} noValidate>
        <SelectField
          label={trans.__('Kind')}
          name="option"
          value={draft.option ?? 'custom'}
          choices={[
            ['default', trans.__('Hub default')],
            ['custom', trans.__('Custom image')],
            ['repo2docker', trans.__('repo2docker (build from a repository)')]
          ]}
          onChange={value => update({ option: value as ServerOption })}
        />
        {draft.option === 'custom' && (
          <TextField
            label={trans.__('Image')}
            name="customimage"
            value={draft.custom?.customimage ?? ''}
            placeholder={example('jupyter/minimal-notebook:latest')}
            problem={problemFor('custom.customimage')}
            onChange={value => update({ custom: { customimage: value } })}
          />
        )}
        {draft.option === 'repo2docker' && (
          <>
            <SelectField
              label={trans.__('Repository type')}
              name="repotype"
              value={draft.repo2docker?.repotype ?? 'gh'}
              choices={REPO_TYPES.map(type => [type, type])}
              problem={problemFor('repo2docker.repotype')}
              onChange={value => updateRepo({ repotype: value })}
            />
            <TextField
              label={trans.__('Repository')}
              name="repourl"
              value={draft.repo2docker?.repourl ?? ''}
              placeholder={example('binder-examples/requirements')}
              problem={problemFor('repo2docker.repourl')}
              onChange={value => updateRepo({ repourl: value })}
            />
            <TextField
              label={trans.__('Git ref')}
              name="reporef"
              value={draft.repo2docker?.reporef ?? ''}
              placeholder={example('HEAD')}
              onChange={value => updateRepo({ reporef: value })}
            />
            <TextField
              label={trans.__('Path to open (optional)')}
              name="repopath"
              value={draft.repo2docker?.repopath ?? ''}
              onChange={value => updateRepo({ repopath: value })}
            />
          </>
        )}
        <SystemFields
          hubSystems={props.systems}
          fallback={props.fallbackSystems ?? {}}
          system={draft.system ?? ''}
          flavor={draft.flavor ?? ''}
          problemFor={problemFor}
          trans={trans}
          onChange={update}
        />
        <TextField
          label={trans.__('Name')}
          name="name"
          value={draft.name ?? ''}
          maxLength={MAX_NAME_LENGTH}
          problem={problemFor('name')}
          onChange={value => update({ name: value })}
        />
        <Button
          className="jp-mod-styled jp-mod-accept jp-nfdi-start-button"
          type="submit"
          disabled={!!props.blocked}
          title={props.blocked ?? trans.__('Start a server with these options')}
        >
          {trans.__('Start')}
        </Button>
        {props.blocked && (
          <p className="jp-nfdi-status jp-mod-warning">{props.blocked}</p>
        )}
      </form>
    </section>
  );
}
