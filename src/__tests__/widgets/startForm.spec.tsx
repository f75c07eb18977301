import { fireEvent, render, screen } from '@testing-library/react';
import * as React from 'react';

import { IUserOptions, Systems, systemsFromList } from '../../hub';
import { StartForm } from '../../widgets/startForm';
import { flavors, noFlavors, serverList, setup, trans } from './fixtures';

/** The systems a real model learns from a hub that lists them. */
async function hubSystems(): Promise<Systems | null> {
  const { model } = setup([
    serverList(),
    flavors({
      'deNBI-Cloud': { m1: 'm1 (2 GB, 1 vCPU)', m2: 'm2 (4 GB, 2 vCPU)' },
      'JSC-Cloud': { s1: 'JSC small', s2: 'JSC large' },
      'HDF-Cloud': { m1: 'HDF m1', m2: 'HDF m2' }
    })
  ]);
  await model.refresh();
  const systems = model.systems;
  model.dispose();
  return systems;
}

/** A hub's JSC-Cloud with a full l2, as outpostflavors says it. */
const JSC: Systems = {
  'JSC-Cloud': {
    m1: {
      displayName: 'm1 (2 GB, 1 vCPU)',
      description: 'Small: for notebooks and teaching.',
      max: 10,
      current: 3,
      runtime: 86400
    },
    l1: {
      displayName: 'l1 (4 GB, 1 vCPU)',
      description: '',
      max: null,
      current: 5,
      runtime: null
    },
    l2: {
      displayName: 'l2 (8 GB, 2 vCPU)',
      description: 'Large: for bigger data.',
      max: 1,
      current: 1,
      runtime: 43200
    },
    xl: {
      displayName: 'xl',
      description: '',
      max: null,
      current: null,
      runtime: null
    }
  }
};

/** The settings' default list of systems. */
const SETTINGS: Systems = systemsFromList({
  'deNBI-Cloud': { m1: 'm1 (2 GB, 1 vCPU)' },
  'JSC-Cloud': {
    m1: 'm1 (2 GB, 1 vCPU)',
    l1: 'l1 (4 GB, 1 vCPU)',
    l2: 'l2 (8 GB, 2 vCPU)'
  }
});

/** The texts that describe a control (`aria-describedby`). */
function describedBy(element: HTMLElement): string[] {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map(id => document.getElementById(id)!.textContent!);
}

/** The defaults a hub connection gives the form. */
function defaults(): IUserOptions {
  const { hub, model } = setup([]);
  model.dispose();
  return hub.defaultOptions;
}

interface IFormProps {
  systems?: Systems | null;
  fallbackSystems?: Systems;
  blocked?: string | null;
}

function renderForm(props: IFormProps = {}) {
  const onStart = jest.fn<void, [IUserOptions]>();
  const form = (next: IFormProps) => (
    <StartForm
      defaults={defaults()}
      systems={next.systems ?? null}
      fallbackSystems={next.fallbackSystems}
      blocked={next.blocked ?? null}
      trans={trans}
      onStart={onStart}
    />
  );
  const view = render(form(props));
  /** Render again with other props (as when the hub's list changes). */
  const update = (next: IFormProps) => view.rerender(form(next));
  return { onStart, view, update };
}

const field = (name: string) => screen.getByRole('textbox', { name });
/** A drop-down by its label (its name is the label only). */
const select = (name: string) =>
  screen.getByRole('combobox', { name }) as HTMLSelectElement;
const choices = (name: string) =>
  Array.from(select(name).options).map(option => [
    option.value,
    option.textContent
  ]);
const type = (name: string, value: string) =>
  fireEvent.change(field(name), { target: { value } });
const choose = (name: string, value: string) =>
  fireEvent.change(select(name), { target: { value } });
const start = () =>
  fireEvent.click(screen.getByRole('button', { name: 'Start' }));
const radio = (name: string) =>
  screen.getByRole('radio', { name }) as HTMLInputElement;
/** The flavors offered: `[key, name, checked]`. */
const flavorChoices = () =>
  (screen.queryAllByRole('radio') as HTMLInputElement[]).map(input => [
    input.value,
    document.getElementById(input.getAttribute('aria-labelledby')!)!
      .textContent,
    input.checked
  ]);

describe('StartForm', () => {
  it('starts from the defaults, a custom image', () => {
    renderForm();
    expect(select('Kind').value).toBe('custom');
    expect((field('Image') as HTMLInputElement).value).toBe(
      'jupyter/minimal-notebook:latest'
    );
    expect((field('Name') as HTMLInputElement).value).toBe('POST API Server');
    expect(screen.queryByRole('textbox', { name: 'Repository' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for the repository when the kind is repo2docker', () => {
    renderForm();
    choose('Kind', 'repo2docker');
    expect(select('Kind').value).toBe('repo2docker');
    expect(choices('Repository type').map(([value]) => value)).toContain('gh');
    expect(field('Repository')).toBeTruthy();
    expect(field('Git ref')).toBeTruthy();
    expect(field('Path to open (optional)')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Image' })).toBeNull();
  });

  it('says what is wrong and does not start without an image [F32]', () => {
    const { onStart } = renderForm();
    type('Image', '');
    start();
    const problem =
      'A custom image needs an image name, e.g. jupyter/minimal-notebook:latest.';
    expect(screen.getByRole('alert').textContent).toBe(problem);
    expect(onStart).not.toHaveBeenCalled();
    // The field is named by its label only; the problem describes it.
    const image = screen.getByRole('textbox', {
      name: 'Image',
      description: problem
    });
    expect(image.getAttribute('aria-invalid')).toBe('true');
    // Changing the options clears the problem.
    fireEvent.change(image, { target: { value: 'python:3.12' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(image.hasAttribute('aria-invalid')).toBe(false);
    expect(image.hasAttribute('aria-describedby')).toBe(false);
    start();
    expect(onStart).toHaveBeenCalledTimes(1);
  });

  it('does not start with an empty name', () => {
    const { onStart } = renderForm();
    type('Name', '  ');
    start();
    expect(screen.getByRole('alert').textContent).toBe(
      'The server name must not be empty.'
    );
    expect(onStart).not.toHaveBeenCalled();
  });

  it('starts once with the options typed', () => {
    const { onStart } = renderForm();
    type('Image', 'python:3.12');
    type('Name', 'My analysis');
    type('System', 'JSC-Cloud');
    type('Flavor', 's2');
    start();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onStart).toHaveBeenCalledTimes(1);
    expect(onStart.mock.calls[0][0]).toMatchObject({
      option: 'custom',
      custom: { customimage: 'python:3.12' },
      name: 'My analysis',
      system: 'JSC-Cloud',
      flavor: 's2'
    });
  });

  it('starts a repo2docker server with the repository typed', () => {
    const { onStart } = renderForm();
    choose('Kind', 'repo2docker');
    choose('Repository type', 'gl');
    type('Repository', 'group/project');
    type('Git ref', 'main');
    start();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onStart).toHaveBeenCalledTimes(1);
    expect(onStart.mock.calls[0][0]).toMatchObject({
      option: 'repo2docker',
      repo2docker: { repotype: 'gl', repourl: 'group/project', reporef: 'main' }
    });
  });

  it('starts a repo2docker server with the repository type it shows', () => {
    const { onStart } = renderForm();
    choose('Kind', 'repo2docker');
    expect(select('Repository type').value).toBe('gh');
    type('Repository', 'binder-examples/requirements');
    start();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onStart).toHaveBeenCalledTimes(1);
    expect(onStart.mock.calls[0][0].repo2docker).toMatchObject({
      repotype: 'gh',
      repourl: 'binder-examples/requirements'
    });
  });

  it('does not start while blocked, and says why', () => {
    const reason =
      'You have 15 of 15 server configurations. Delete one below to start another.';
    const { onStart } = renderForm({ blocked: reason });
    const button = screen.getByRole('button', { name: 'Start' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(button.title).toBe(reason);
    expect(screen.getByText(reason)).toBeTruthy();
    start();
    // Even a submit that gets through (e.g. Enter in a field) starts nothing.
    fireEvent.submit(button.closest('form')!);
    expect(onStart).not.toHaveBeenCalled();
  });

  it('offers the systems and flavors the hub lists', async () => {
    const systems = await hubSystems();
    expect(systems).not.toBeNull();
    const { onStart } = renderForm({ systems });
    expect(screen.queryByRole('textbox', { name: 'System' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Flavor' })).toBeNull();
    expect(choices('System')).toEqual([
      ['deNBI-Cloud', 'deNBI-Cloud'],
      ['JSC-Cloud', 'JSC-Cloud'],
      ['HDF-Cloud', 'HDF-Cloud']
    ]);
    expect(select('System').value).toBe('deNBI-Cloud');
    expect(screen.getByRole('group', { name: 'Flavor' })).toBeTruthy();
    expect(flavorChoices()).toEqual([
      ['m1', 'm1 (2 GB, 1 vCPU)', true],
      ['m2', 'm2 (4 GB, 2 vCPU)', false]
    ]);

    // Another system: its flavors, and one of them is chosen.
    choose('System', 'JSC-Cloud');
    expect(flavorChoices()).toEqual([
      ['s1', 'JSC small', true],
      ['s2', 'JSC large', false]
    ]);
    fireEvent.click(radio('JSC large'));
    expect(radio('JSC large').checked).toBe(true);
    start();
    expect(onStart).toHaveBeenCalledTimes(1);
    expect(onStart.mock.calls[0][0]).toMatchObject({
      system: 'JSC-Cloud',
      flavor: 's2'
    });
  });

  it('keeps the flavor when the next system has it too', async () => {
    renderForm({ systems: await hubSystems() });
    fireEvent.click(radio('m2 (4 GB, 2 vCPU)'));
    choose('System', 'HDF-Cloud');
    expect(flavorChoices()).toEqual([
      ['m1', 'HDF m1', false],
      ['m2', 'HDF m2', true]
    ]);
  });

  it('shows what each flavor is, how long it runs and how much is used', () => {
    renderForm({ systems: JSC });
    choose('System', 'JSC-Cloud');
    const m1 = radio('m1 (2 GB, 1 vCPU)');
    expect(m1.disabled).toBe(false);
    expect(describedBy(m1)).toEqual([
      'Small: for notebooks and teaching.',
      'up to 24 h · 3 of 10 in use'
    ]);
    // No limit: only the count; nothing known: nothing said.
    expect(describedBy(radio('l1 (4 GB, 1 vCPU)'))).toEqual(['5 in use']);
    expect(describedBy(radio('xl'))).toEqual([]);
  });

  it('disables a full flavor and says why', () => {
    renderForm({ systems: JSC });
    choose('System', 'JSC-Cloud');
    const l2 = radio('l2 (8 GB, 2 vCPU)');
    expect(l2.disabled).toBe(true);
    expect(describedBy(l2)).toEqual([
      'Large: for bigger data.',
      'up to 12 h · full: 1 of 1 in use'
    ]);
    const label = l2.closest('label')!;
    expect(label.classList).toContain('jp-mod-full');
    expect(label.title).toBe('full: 1 of 1 in use');
    expect(label.dataset.flavor).toBe('l2');
  });

  it('does not start a flavor that is full, and says so at once', () => {
    const { onStart, update } = renderForm({
      systems: JSC,
      fallbackSystems: SETTINGS
    });
    choose('System', 'JSC-Cloud');
    // The first flavor with room is chosen, not the full one.
    expect(radio('m1 (2 GB, 1 vCPU)').checked).toBe(true);
    type('Name', 'Big data');

    // The hub's list changes: m1 fills up while it is chosen.
    update({
      systems: {
        'JSC-Cloud': {
          ...JSC['JSC-Cloud'],
          m1: { ...JSC['JSC-Cloud'].m1, current: 10 }
        }
      },
      fallbackSystems: SETTINGS
    });
    const problem =
      'm1 (2 GB, 1 vCPU) on JSC-Cloud is full: 10 of 10 in use. Choose another flavor or try again later.';
    expect(screen.getByRole('alert').textContent).toBe(problem);
    // The group is named by its legend only; the problem describes it.
    expect(
      screen.getByRole('group', { name: 'Flavor', description: problem })
    ).toBeTruthy();
    start();
    expect(onStart).not.toHaveBeenCalled();

    // Another flavor starts, with everything else the user typed.
    fireEvent.click(radio('l1 (4 GB, 1 vCPU)'));
    expect(screen.queryByRole('alert')).toBeNull();
    start();
    expect(onStart).toHaveBeenCalledTimes(1);
    expect(onStart.mock.calls[0][0]).toMatchObject({
      system: 'JSC-Cloud',
      flavor: 'l1',
      name: 'Big data'
    });
  });

  it('says so when the chosen flavor disappears, and keeps what was typed', () => {
    const { onStart, update } = renderForm({ systems: JSC });
    choose('System', 'JSC-Cloud');
    fireEvent.click(radio('xl'));
    type('Image', 'python:3.12');
    type('Name', 'Kept');

    const gone = { 'JSC-Cloud': { ...JSC['JSC-Cloud'] } };
    delete gone['JSC-Cloud'].xl;
    update({ systems: gone });
    expect(screen.getByRole('alert').textContent).toBe(
      'The hub does not offer the flavor "xl" on JSC-Cloud (any more). Choose another flavor.'
    );
    expect(flavorChoices().map(([key]) => key)).toEqual(['m1', 'l1', 'l2']);
    expect(flavorChoices().some(([, , checked]) => checked)).toBe(false);
    start();
    expect(onStart).not.toHaveBeenCalled();
    expect((field('Image') as HTMLInputElement).value).toBe('python:3.12');
    expect((field('Name') as HTMLInputElement).value).toBe('Kept');

    fireEvent.click(radio('l1 (4 GB, 1 vCPU)'));
    start();
    expect(onStart.mock.calls[0][0]).toMatchObject({
      custom: { customimage: 'python:3.12' },
      name: 'Kept',
      system: 'JSC-Cloud',
      flavor: 'l1'
    });
  });

  it('says so when the default system is not offered by the hub', () => {
    const { onStart } = renderForm({ systems: JSC });
    // The defaults say deNBI-Cloud, which this hub does not have.
    expect(select('System').value).toBe('deNBI-Cloud');
    expect(choices('System')).toEqual([
      ['JSC-Cloud', 'JSC-Cloud'],
      ['deNBI-Cloud', 'deNBI-Cloud (not offered)']
    ]);
    const problem =
      'The hub does not offer the system "deNBI-Cloud". Choose one of: JSC-Cloud.';
    expect(screen.getByRole('alert').textContent).toBe(problem);
    // The drop-down is named by its label only; the problem describes it.
    const system = screen.getByRole('combobox', {
      name: 'System',
      description: problem
    });
    expect(system.getAttribute('aria-invalid')).toBe('true');
    start();
    expect(onStart).not.toHaveBeenCalled();
  });

  it('offers the systems of the settings when the hub lists none', () => {
    const { onStart } = renderForm({
      systems: null,
      fallbackSystems: SETTINGS
    });
    expect(choices('System')).toEqual([
      ['deNBI-Cloud', 'deNBI-Cloud'],
      ['JSC-Cloud', 'JSC-Cloud']
    ]);
    expect(flavorChoices()).toEqual([['m1', 'm1 (2 GB, 1 vCPU)', true]]);
    choose('System', 'JSC-Cloud');
    expect(flavorChoices()).toEqual([
      ['m1', 'm1 (2 GB, 1 vCPU)', true],
      ['l1', 'l1 (4 GB, 1 vCPU)', false],
      ['l2', 'l2 (8 GB, 2 vCPU)', false]
    ]);
    fireEvent.click(radio('l2 (8 GB, 2 vCPU)'));
    start();
    expect(onStart.mock.calls[0][0]).toMatchObject({
      system: 'JSC-Cloud',
      flavor: 'l2'
    });
  });

  it('keeps a flavor beyond the settings list choosable', () => {
    const { onStart } = renderForm({
      systems: null,
      fallbackSystems: { 'deNBI-Cloud': { l1: SETTINGS['JSC-Cloud'].l1 } }
    });
    // The default flavor m1 is not in the list: it stays, and starts.
    expect(flavorChoices()).toEqual([
      ['l1', 'l1 (4 GB, 1 vCPU)', false],
      ['m1', 'm1', true]
    ]);
    expect(screen.queryByRole('alert')).toBeNull();
    start();
    expect(onStart.mock.calls[0][0]).toMatchObject({ flavor: 'm1' });
  });

  it('lets the user name system and flavor when the hub does not list them', async () => {
    const { model } = setup([serverList(), noFlavors]);
    await model.refresh();
    expect(model.systems).toBeNull();
    renderForm({ systems: model.systems });
    model.dispose();
    expect(screen.queryByRole('combobox', { name: 'System' })).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
    expect((field('System') as HTMLInputElement).value).toBe('deNBI-Cloud');
    expect((field('Flavor') as HTMLInputElement).value).toBe('m1');
  });
});
