import {
  DEFAULT_USER_OPTIONS,
  mergeOptions,
  toRequestBody,
  validateOptions
} from '../../hub';

describe('mergeOptions', () => {
  it('merges nested sections key by key, override wins', () => {
    const merged = mergeOptions(
      {
        option: 'repo2docker',
        repo2docker: { repotype: 'gh', repourl: '', reporef: 'HEAD' },
        system: 'deNBI-Cloud'
      },
      { repo2docker: { repourl: 'a/b' }, system: 'JSC-Cloud' }
    );
    expect(merged).toEqual({
      option: 'repo2docker',
      repo2docker: { repotype: 'gh', repourl: 'a/b', reporef: 'HEAD' },
      system: 'JSC-Cloud'
    });
  });

  it('ignores undefined and changes neither input', () => {
    const base = { option: 'custom' as const, custom: { customimage: 'a' } };
    const override = { option: undefined, custom: { customimage: 'b' } };
    const merged = mergeOptions(base, override);
    expect(merged).toEqual({ option: 'custom', custom: { customimage: 'b' } });
    expect(base.custom.customimage).toBe('a');
    expect(DEFAULT_USER_OPTIONS.custom?.customimage).toBe(
      'jupyter/minimal-notebook:latest'
    );
  });
});

describe('toRequestBody', () => {
  it('keeps only the section of the chosen option', () => {
    expect(
      toRequestBody({
        option: 'custom',
        custom: { customimage: 'x' },
        repo2docker: { repotype: 'gh', repourl: 'a/b' },
        name: 'n'
      })
    ).toEqual({ option: 'custom', custom: { customimage: 'x' }, name: 'n' });
    expect(
      toRequestBody({ option: 'default', custom: { customimage: 'x' } })
    ).toEqual({
      option: 'default'
    });
  });

  it('keeps explicit service and profile of a repo2docker start', () => {
    expect(
      toRequestBody({
        option: 'repo2docker',
        repo2docker: { repotype: 'gh', repourl: 'a/b' },
        profile: 'custom-profile'
      })
    ).toEqual({
      option: 'repo2docker',
      repo2docker: { repotype: 'gh', repourl: 'a/b' },
      service: 'jupyterlab',
      profile: 'custom-profile'
    });
  });
});

describe('validateOptions', () => {
  it('accepts the defaults', () => {
    expect(validateOptions(DEFAULT_USER_OPTIONS)).toEqual([]);
  });

  it.each([
    [{ option: 'custom', custom: { customimage: '  ' } }, 'custom.customimage'],
    [
      { option: 'repo2docker', repo2docker: { repotype: 'gh', repourl: '' } },
      'repo2docker.repourl'
    ],
    [
      { option: 'repo2docker', repo2docker: { repotype: 'svn', repourl: 'a' } },
      'repo2docker.repotype'
    ],
    [{ option: 'docker' }, 'option'],
    [{ option: 'default', name: '' }, 'name'],
    [{ option: 'default', name: 'x'.repeat(65) }, 'name'],
    [{ option: 'default', name: 'bad\nname' }, 'name'],
    [{ option: 'default', name: '<b>x</b>' }, 'name'],
    [{ option: 'default', system: '' }, 'system'],
    [{ option: 'default', flavor: ' ' }, 'flavor']
  ])('refuses %j (%s)', (options, field) => {
    const problems = validateOptions(options as any);
    expect(problems.map(p => p.field)).toContain(field);
    expect(problems[0].message.length).toBeGreaterThan(10);
  });
});
