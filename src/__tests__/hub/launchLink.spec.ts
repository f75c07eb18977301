import { IUserOptions, launchLink } from '../../hub';

const HUB = 'https://hub.nfdi-jupyter.de/';

/** repo2docker options over a system and flavor. */
function repo(
  repo2docker: IUserOptions['repo2docker'],
  extra: IUserOptions = {}
): IUserOptions {
  return {
    option: 'repo2docker',
    repo2docker,
    system: 'JSC-Cloud',
    flavor: 'l1',
    ...extra
  };
}

describe('launchLink', () => {
  it('links a GitHub repository with its ref, system and flavor', () => {
    expect(
      launchLink(
        HUB,
        repo({
          repotype: 'gh',
          repourl: 'binder-examples/requirements',
          reporef: 'main'
        })
      )
    ).toBe(
      'https://hub.nfdi-jupyter.de/v2/gh/binder-examples/requirements/main?system=JSC-Cloud&flavor=l1'
    );
  });

  it('uses HEAD when there is no ref, the hub needs one', () => {
    for (const reporef of [undefined, '', '  ']) {
      expect(
        launchLink(HUB, repo({ repotype: 'gh', repourl: 'a/b', reporef }))
      ).toBe(`${HUB}v2/gh/a/b/HEAD?system=JSC-Cloud&flavor=l1`);
    }
  });

  it('keeps the base URL prefix of a hub under /jhub/', () => {
    const link = launchLink(
      'http://127.0.0.1:8000/jhub/',
      repo({ repotype: 'gh', repourl: 'a/b' }, { system: '', flavor: '' })
    );
    expect(link).toBe('http://127.0.0.1:8000/jhub/v2/gh/a/b/HEAD');
    // A base URL written without the last slash is the same hub.
    expect(
      launchLink(
        'http://127.0.0.1:8000/jhub',
        repo({ repotype: 'gh', repourl: 'a/b' }, { system: '', flavor: '' })
      )
    ).toBe(link);
  });

  it('shortens a GitHub URL to owner/name', () => {
    for (const repourl of [
      'https://github.com/binder-examples/requirements',
      'https://github.com/binder-examples/requirements.git',
      'http://www.github.com/binder-examples/requirements/',
      'github.com/binder-examples/requirements',
      ' /binder-examples/requirements/ '
    ]) {
      expect(launchLink(HUB, repo({ repotype: 'gh', repourl }))).toBe(
        `${HUB}v2/gh/binder-examples/requirements/HEAD?system=JSC-Cloud&flavor=l1`
      );
    }
  });

  it('escapes tricky characters in repository, ref and path', () => {
    const link = launchLink(
      HUB,
      repo(
        {
          repotype: 'gh',
          repourl: 'ow ner/re#po?x',
          reporef: 'feature/ä b',
          repopath: 'notebooks/intro & more.ipynb'
        },
        { system: 'JSC Cloud', flavor: 'l1&x=1' }
      )
    )!;
    expect(link).toBe(
      `${HUB}v2/gh/ow%20ner/re%23po%3Fx/feature%2F%C3%A4%20b` +
        '?labpath=notebooks%2Fintro+%26+more.ipynb&system=JSC+Cloud&flavor=l1%26x%3D1'
    );
    // Whatever went in comes out the same, in its place.
    const url = new URL(link);
    expect(url.origin + '/').toBe(HUB);
    expect(url.pathname.split('/').map(decodeURIComponent)).toEqual([
      '',
      'v2',
      'gh',
      'ow ner',
      're#po?x',
      'feature/ä b'
    ]);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      labpath: 'notebooks/intro & more.ipynb',
      system: 'JSC Cloud',
      flavor: 'l1&x=1'
    });
  });

  it('opens a URL path with urlpath, a file with labpath', () => {
    const base = { repotype: 'gh', repourl: 'a/b' } as const;
    expect(
      launchLink(HUB, repo({ ...base, repopath: 'lab/tree/x.ipynb' }))
    ).toContain('?labpath=lab%2Ftree%2Fx.ipynb&');
    expect(
      launchLink(
        HUB,
        repo({ ...base, repopath: 'x.ipynb', repopathtype: 'file' })
      )
    ).toContain('?labpath=x.ipynb&');
    expect(
      launchLink(
        HUB,
        repo({ ...base, repopath: 'voila/render', repopathtype: 'url' })
      )
    ).toContain('?urlpath=voila%2Frender&');
  });

  it('writes a GitLab namespace as one escaped segment', () => {
    for (const repourl of [
      'group/sub/project',
      'https://gitlab.com/group/sub/project.git'
    ]) {
      expect(launchLink(HUB, repo({ repotype: 'gl', repourl }))).toBe(
        `${HUB}v2/gl/group%2Fsub%2Fproject/HEAD?system=JSC-Cloud&flavor=l1`
      );
    }
  });

  it('writes a gist as owner/id', () => {
    expect(
      launchLink(
        HUB,
        repo({ repotype: 'gist', repourl: 'https://gist.github.com/me/abc123' })
      )
    ).toBe(`${HUB}v2/gist/me/abc123/HEAD?system=JSC-Cloud&flavor=l1`);
  });

  it('writes a git URL, a DOI or a data URL as one escaped segment', () => {
    expect(
      launchLink(
        HUB,
        repo({
          repotype: 'git',
          repourl: 'https://example.org/code/repo.git',
          reporef: 'v1.0'
        })
      )
    ).toBe(
      `${HUB}v2/git/https%3A%2F%2Fexample.org%2Fcode%2Frepo.git/v1.0?system=JSC-Cloud&flavor=l1`
    );
    expect(
      launchLink(
        HUB,
        repo({ repotype: 'zenodo', repourl: '10.5281/zenodo.3242074' })
      )
    ).toBe(
      `${HUB}v2/zenodo/10.5281%2Fzenodo.3242074/HEAD?system=JSC-Cloud&flavor=l1`
    );
    expect(
      launchLink(
        HUB,
        repo({
          repotype: 'ckan',
          repourl: 'https://demo.ckan.org/dataset/x?y=1'
        })
      )
    ).toBe(
      `${HUB}v2/ckan/https%3A%2F%2Fdemo.ckan.org%2Fdataset%2Fx%3Fy%3D1/HEAD?system=JSC-Cloud&flavor=l1`
    );
  });

  it('has no link for other kinds or for a repository it cannot write', () => {
    expect(
      launchLink(HUB, {
        option: 'custom',
        custom: { customimage: 'python:3.12' },
        repo2docker: { repotype: 'gh', repourl: 'a/b' }
      })
    ).toBeNull();
    expect(launchLink(HUB, { option: 'default' })).toBeNull();
    expect(launchLink(HUB, { option: 'repo2docker' })).toBeNull();
    for (const repo2docker of [
      { repotype: 'gh', repourl: '' },
      { repotype: 'gh', repourl: 'just-a-name' },
      { repotype: 'gh', repourl: 'https://github.com/a/b/tree/main' },
      { repotype: 'gl', repourl: 'project' },
      { repotype: 'svn', repourl: 'a/b' },
      { repourl: 'a/b' }
    ]) {
      expect(launchLink(HUB, repo(repo2docker))).toBeNull();
    }
  });

  it('never carries a token, whatever the options hold [F26]', () => {
    const link = launchLink(
      HUB,
      repo({ repotype: 'gh', repourl: 'a/b' }, { token: 'secret' })
    )!;
    expect(link).not.toContain('secret');
    expect(link).not.toContain('token');
  });
});
