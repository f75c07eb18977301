/**
 * What a refresh of the list redraws in the sidebar, and the render times
 * it records for benchmarks.
 *
 * Renders are counted from inside: each render of a row describes its
 * server once (`describeServer`), each render of the start form draws its
 * system fields once (`SystemFields`); both are wrapped to count.
 */
import { CommandRegistry } from '@lumino/commands';
import { Widget } from '@lumino/widgets';
import { act } from '@testing-library/react';

import { IHubConnection } from '../../connection/types';
import { IServerModel } from '../../hub';
import { ServersModel } from '../../servers/model';
import { SystemFields } from '../../widgets/flavorPicker';
import { describeServer } from '../../widgets/serverLabels';
import { NFDISidebar } from '../../widgets/sidebar';
import { FakeFetch } from '../hub/fakeFetch';
import {
  HubState,
  hubServer,
  nextChange,
  noFlavors,
  serverList,
  setup,
  trans
} from './fixtures';

jest.mock('../../widgets/serverLabels', () => {
  const actual = jest.requireActual('../../widgets/serverLabels');
  return { ...actual, describeServer: jest.fn(actual.describeServer) };
});

jest.mock('../../widgets/flavorPicker', () => {
  const actual = jest.requireActual('../../widgets/flavorPicker');
  const React = jest.requireActual('react');
  return {
    ...actual,
    SystemFields: jest.fn(props =>
      React.createElement(actual.SystemFields, props)
    )
  };
});

const described = describeServer as jest.MockedFunction<typeof describeServer>;
const systemFields = SystemFields as unknown as jest.Mock;

/** Alice's three servers, `live` in `state`. */
const list = (state: HubState = 'running') =>
  serverList(
    hubServer('live', state, { user_options: { name: 'Live' } }),
    hubServer('old', 'stopped', { user_options: { name: 'Old' } }),
    hubServer('older', 'stopped', { user_options: { name: 'Older' } })
  );

describe('A refresh of the sidebar', () => {
  let fake: FakeFetch;
  let model: ServersModel;
  let sidebar: NFDISidebar;
  let marks: jest.Mock;
  let measures: jest.Mock;
  const timing = ['mark', 'measure', 'clearMarks'] as const;

  beforeEach(async () => {
    marks = jest.fn();
    measures = jest.fn();
    // The browser's User Timing API (jsdom has none).
    for (const [name, fn] of [
      ['mark', marks],
      ['measure', measures],
      ['clearMarks', jest.fn()]
    ] as const) {
      Object.defineProperty(performance, name, {
        value: fn,
        configurable: true,
        writable: true
      });
    }
    let hub: IHubConnection;
    ({ fake, hub, model } = setup([list(), noFlavors]));
    const commands = new CommandRegistry();
    sidebar = new NFDISidebar({ hub, model, commands, trans });
    // Shown, it asks at once.
    const refreshed = nextChange(model);
    await act(async () => {
      Widget.attach(sidebar, document.body);
      await sidebar.renderPromise;
      await refreshed;
    });
    expect(model.connection).toBe('connected');
    expect(model.servers).toHaveLength(3);
    described.mockClear();
    systemFields.mockClear();
    marks.mockClear();
    measures.mockClear();
  });

  afterEach(async () => {
    await act(async () => {
      Widget.detach(sidebar);
      sidebar.dispose();
    });
    model.dispose();
    for (const name of timing) {
      delete (performance as any)[name];
    }
  });

  const rowsDrawn = () =>
    described.mock.calls.map(([server]) => (server as IServerModel).name);

  it('that changes nothing redraws nothing', async () => {
    fake.answer(list());
    await act(() => model.refresh());
    expect(rowsDrawn()).toEqual([]);
    expect(systemFields).not.toHaveBeenCalled();
    expect(measures).not.toHaveBeenCalled();
  });

  it('that changes one server redraws its row only, not the start form', async () => {
    fake.answer(list('stopping'));
    await act(() => model.refresh());
    expect(rowsDrawn()).toEqual(['live']);
    expect(systemFields).not.toHaveBeenCalled();
  });

  it('records each render as nfdi:sidebar-render, from its start to its commit', async () => {
    fake.answer(list('stopping'));
    await act(() => model.refresh());
    expect(marks.mock.calls).toEqual([['nfdi:sidebar-render']]);
    expect(measures.mock.calls).toEqual([
      ['nfdi:sidebar-render', 'nfdi:sidebar-render']
    ]);
    expect(marks.mock.invocationCallOrder[0]).toBeLessThan(
      described.mock.invocationCallOrder[0]
    );
    expect(measures.mock.invocationCallOrder[0]).toBeGreaterThan(
      described.mock.invocationCallOrder[0]
    );
  });
});
