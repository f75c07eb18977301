/**
 * The user-option rules of the client agree with the settings schema (the
 * local hub's are checked against the same schema by its own tests).
 */
import * as fs from 'fs';
import * as path from 'path';

import {
  DEFAULT_USER_OPTIONS,
  MAX_NAME_LENGTH,
  REPO_PATH_TYPES,
  REPO_TYPES,
  SERVER_OPTIONS
} from '../../hub';

const schema = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, '..', '..', '..', 'schema', 'plugin.json'),
    'utf-8'
  )
);
const definitions = schema.definitions;

function consts(definition: { oneOf: { const: string }[] }): string[] {
  return definition.oneOf.map(choice => choice.const).sort();
}

describe('the settings schema and the client agree', () => {
  it('on the server kinds', () => {
    expect(consts(definitions.serverOption)).toEqual(
      [...SERVER_OPTIONS].sort()
    );
  });

  it('on the repo2docker repository and path types', () => {
    const repo = definitions.repo2dockerOptions.properties;
    expect(consts(repo.repotype)).toEqual([...REPO_TYPES].sort());
    expect(consts(repo.repopathtype)).toEqual([...REPO_PATH_TYPES].sort());
  });

  it('on the longest server name', () => {
    expect(definitions.userOptions.properties.name.maxLength).toBe(
      MAX_NAME_LENGTH
    );
    expect(
      definitions.launcher.properties.options.properties.name.maxLength
    ).toBe(MAX_NAME_LENGTH);
  });

  it('on the defaults the start API documents', () => {
    const defaults = schema.properties.defaultOptions.default;
    for (const key of ['option', 'system', 'flavor', 'name'] as const) {
      expect(defaults[key]).toBe(DEFAULT_USER_OPTIONS[key]);
      expect(definitions.userOptions.properties[key].default).toBe(
        DEFAULT_USER_OPTIONS[key]
      );
    }
    expect(defaults.custom).toEqual(DEFAULT_USER_OPTIONS.custom);
  });

  it('on the systems offered when the hub lists none', () => {
    const systems = schema.properties.systems.default;
    // The documented Jupyter4NFDI systems, the default one among them.
    expect(Object.keys(systems).sort()).toEqual(['JSC-Cloud', 'deNBI-Cloud']);
    expect(
      systems[DEFAULT_USER_OPTIONS.system!][DEFAULT_USER_OPTIONS.flavor!]
    ).toBeTruthy();
    expect(Object.keys(systems['JSC-Cloud'])).toEqual(['m1', 'l1', 'l2']);
  });
});
