import { fireEvent, render, screen } from '@testing-library/react';
import * as React from 'react';

import { IUserOptions, Systems } from '../../hub';
import { StartForm } from '../../widgets/startForm';
import { flavors, me, noFlavors, serverList, setup, trans } from './fixtures';

/** The systems a real model learns from a hub that lists them. */
async function hubSystems(): Promise<Systems | null> {
  const { model } = setup([
    me,
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

/** The defaults a hub connection gives the form. */
function defaults(): IUserOptions {
  const { hub, model } = setup([]);
  model.dispose();
  return hub.defaultOptions;
}

function renderForm(
  props: { systems?: Systems | null; blocked?: string | null } = {}
) {
  const onStart = jest.fn<void, [IUserOptions]>();
  const view = render(
    <StartForm
      defaults={defaults()}
      systems={props.systems ?? null}
      blocked={props.blocked ?? null}
      trans={trans}
      onStart={onStart}
    />
  );
  return { onStart, view };
}

const field = (name: string) => screen.getByRole('textbox', { name });
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

  it('says what is wrong and does not start without an image', () => {
    const { onStart } = renderForm();
    type('Image', '');
    start();
    const problem =
      'A custom image needs an image name, e.g. jupyter/minimal-notebook:latest.';
    expect(screen.getByRole('alert').textContent).toBe(problem);
    expect(onStart).not.toHaveBeenCalled();
    // The problem is told with the field (inside its label).
    const image = screen.getByRole('textbox', { name: `Image ${problem}` });
    // Changing the options clears the problem.
    fireEvent.change(image, { target: { value: 'python:3.12' } });
    expect(screen.queryByRole('alert')).toBeNull();
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
    expect(choices('System')).toEqual([
      ['deNBI-Cloud', 'deNBI-Cloud'],
      ['JSC-Cloud', 'JSC-Cloud'],
      ['HDF-Cloud', 'HDF-Cloud']
    ]);
    expect(select('System').value).toBe('deNBI-Cloud');
    expect(choices('Flavor')).toEqual([
      ['m1', 'm1 (2 GB, 1 vCPU)'],
      ['m2', 'm2 (4 GB, 2 vCPU)']
    ]);
    expect(select('Flavor').value).toBe('m1');

    // Another system: its flavors, and one of them is chosen.
    choose('System', 'JSC-Cloud');
    expect(choices('Flavor')).toEqual([
      ['s1', 'JSC small'],
      ['s2', 'JSC large']
    ]);
    expect(select('Flavor').value).toBe('s1');
    choose('Flavor', 's2');
    start();
    expect(onStart).toHaveBeenCalledTimes(1);
    expect(onStart.mock.calls[0][0]).toMatchObject({
      system: 'JSC-Cloud',
      flavor: 's2'
    });
  });

  it('keeps the flavor when the next system has it too', async () => {
    renderForm({ systems: await hubSystems() });
    choose('Flavor', 'm2');
    choose('System', 'HDF-Cloud');
    expect(select('Flavor').value).toBe('m2');
    expect(choices('Flavor')).toEqual([
      ['m1', 'HDF m1'],
      ['m2', 'HDF m2']
    ]);
  });

  it('lets the user name system and flavor when the hub does not list them', async () => {
    const { model } = setup([me, serverList(), noFlavors]);
    await model.refresh();
    expect(model.systems).toBeNull();
    renderForm({ systems: model.systems });
    model.dispose();
    expect(screen.queryByRole('combobox', { name: 'System' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Flavor' })).toBeNull();
    expect((field('System') as HTMLInputElement).value).toBe('deNBI-Cloud');
    expect((field('Flavor') as HTMLInputElement).value).toBe('m1');
  });
});
