/**
 * The sidebar's start form: the user options of a new server, checked before
 * any request is made.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import {
  IOptionsProblem,
  IUserOptions,
  REPO_TYPES,
  ServerOption,
  Systems,
  validateOptions
} from '../hub';

/** Systems offered when the hub does not list its own. */
const FALLBACK_SYSTEMS: Systems = {
  'deNBI-Cloud': {
    m1: { displayName: 'm1', max: null, current: null, runtime: null }
  },
  'JSC-Cloud': {
    m1: {
      displayName: 'm1 (2 GB, 1 vCPU)',
      max: null,
      current: null,
      runtime: null
    },
    l1: {
      displayName: 'l1 (4 GB, 1 vCPU)',
      max: null,
      current: null,
      runtime: null
    },
    l2: {
      displayName: 'l2 (8 GB, 2 vCPU)',
      max: null,
      current: null,
      runtime: null
    }
  }
};

/**
 * Props of the start form.
 */
export interface IStartFormProps {
  /** Options to start from (the defaults from the settings). */
  defaults: IUserOptions;
  /** Systems and flavors the hub offers, if known. */
  systems: Systems | null;
  /** Why starting is not possible now (e.g. the limit), or null. */
  blocked: string | null;
  trans: TranslationBundle;
  /** Start with these options; called inside the click handler. */
  onStart: (options: IUserOptions) => void;
}

/**
 * The start form. What the user typed stays until they change it.
 */
export function StartForm(props: IStartFormProps): JSX.Element {
  const { trans } = props;
  const [draft, setDraft] = React.useState<IUserOptions>(() => ({
    ...props.defaults,
    custom: { ...props.defaults.custom },
    repo2docker: { ...props.defaults.repo2docker }
  }));
  const [problems, setProblems] = React.useState<IOptionsProblem[]>([]);

  const systems = props.systems ?? FALLBACK_SYSTEMS;
  const systemNames = Object.keys(systems);
  const system = draft.system ?? '';
  if (system && !systemNames.includes(system)) {
    systemNames.push(system);
  }
  const flavors = systems[system] ?? {};
  const flavorNames = Object.keys(flavors);
  if (draft.flavor && !flavorNames.includes(draft.flavor)) {
    flavorNames.push(draft.flavor);
  }

  const update = (change: IUserOptions) => {
    setDraft(current => ({ ...current, ...change }));
    setProblems([]);
  };
  const updateRepo = (change: Record<string, string>) =>
    update({ repo2docker: { ...draft.repo2docker, ...change } });

  const problemFor = (field: string) => {
    const problem = problems.find(p => p.field === field);
    return problem ? (
      <span className="jp-nfdi-field-problem" role="alert">
        {problem.message}
      </span>
    ) : null;
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found = validateOptions(draft, trans);
    setProblems(found);
    if (found.length === 0 && !props.blocked) {
      props.onStart(draft);
    }
  };

  return (
    <section className="jp-nfdi-section jp-nfdi-start">
      <h3 className="jp-nfdi-section-title">{trans.__('Start a server')}</h3>
      <form className="jp-nfdi-start-form" onSubmit={submit} noValidate>
        <label className="jp-nfdi-field">
          <span>{trans.__('Kind')}</span>
          <select
            className="jp-mod-styled"
            name="option"
            value={draft.option ?? 'custom'}
            onChange={event =>
              update({ option: event.target.value as ServerOption })
            }
          >
            <option value="default">{trans.__('Hub default')}</option>
            <option value="custom">{trans.__('Custom image')}</option>
            <option value="repo2docker">
              {trans.__('repo2docker (build from a repository)')}
            </option>
          </select>
        </label>
        {draft.option === 'custom' && (
          <label className="jp-nfdi-field">
            <span>{trans.__('Image')}</span>
            <input
              className="jp-mod-styled"
              name="customimage"
              value={draft.custom?.customimage ?? ''}
              placeholder={trans.__(
                'e.g. %1',
                'jupyter/minimal-notebook:latest'
              )}
              onChange={event =>
                update({ custom: { customimage: event.target.value } })
              }
            />
            {problemFor('custom.customimage')}
          </label>
        )}
        {draft.option === 'repo2docker' && (
          <>
            <label className="jp-nfdi-field">
              <span>{trans.__('Repository type')}</span>
              <select
                className="jp-mod-styled"
                name="repotype"
                value={draft.repo2docker?.repotype ?? 'gh'}
                onChange={event => updateRepo({ repotype: event.target.value })}
              >
                {REPO_TYPES.map(type => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </select>
              {problemFor('repo2docker.repotype')}
            </label>
            <label className="jp-nfdi-field">
              <span>{trans.__('Repository')}</span>
              <input
                className="jp-mod-styled"
                name="repourl"
                value={draft.repo2docker?.repourl ?? ''}
                placeholder={trans.__(
                  'e.g. %1',
                  'binder-examples/requirements'
                )}
                onChange={event => updateRepo({ repourl: event.target.value })}
              />
              {problemFor('repo2docker.repourl')}
            </label>
            <label className="jp-nfdi-field">
              <span>{trans.__('Git ref')}</span>
              <input
                className="jp-mod-styled"
                name="reporef"
                value={draft.repo2docker?.reporef ?? ''}
                placeholder={trans.__('e.g. %1', 'HEAD')}
                onChange={event => updateRepo({ reporef: event.target.value })}
              />
            </label>
            <label className="jp-nfdi-field">
              <span>{trans.__('Path to open (optional)')}</span>
              <input
                className="jp-mod-styled"
                name="repopath"
                value={draft.repo2docker?.repopath ?? ''}
                onChange={event => updateRepo({ repopath: event.target.value })}
              />
            </label>
          </>
        )}
        <label className="jp-nfdi-field">
          <span>{trans.__('System')}</span>
          <select
            className="jp-mod-styled"
            name="system"
            value={system}
            onChange={event => {
              const next = event.target.value;
              const nextFlavors = Object.keys(systems[next] ?? {});
              update({
                system: next,
                flavor: nextFlavors.includes(draft.flavor ?? '')
                  ? draft.flavor
                  : (nextFlavors[0] ?? draft.flavor)
              });
            }}
          >
            {systemNames.map(name => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          {problemFor('system')}
        </label>
        <label className="jp-nfdi-field">
          <span>{trans.__('Flavor')}</span>
          <select
            className="jp-mod-styled"
            name="flavor"
            value={draft.flavor ?? ''}
            onChange={event => update({ flavor: event.target.value })}
          >
            {flavorNames.map(name => (
              <option key={name} value={name}>
                {flavors[name]?.displayName ?? name}
              </option>
            ))}
          </select>
          {problemFor('flavor')}
        </label>
        <label className="jp-nfdi-field">
          <span>{trans.__('Name')}</span>
          <input
            className="jp-mod-styled"
            name="name"
            value={draft.name ?? ''}
            maxLength={64}
            onChange={event => update({ name: event.target.value })}
          />
          {problemFor('name')}
        </label>
        <button
          className="jp-mod-styled jp-mod-accept jp-nfdi-button jp-nfdi-start-button"
          type="submit"
          disabled={!!props.blocked}
          title={props.blocked ?? trans.__('Start a server with these options')}
        >
          {trans.__('Start')}
        </button>
        {props.blocked && (
          <p className="jp-nfdi-status jp-mod-warning">{props.blocked}</p>
        )}
      </form>
    </section>
  );
}
