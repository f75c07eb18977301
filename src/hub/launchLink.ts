/**
 * Launch links: the hub's direct link that builds and starts a repo2docker
 * server through the browser's hub login, with no token:
 * `<hub base>/v2/<repotype>/<repo>/<ref>?labpath=…&system=…&flavor=…`.
 */
import { IUserOptions, REPO_TYPES } from './options';

/**
 * Where each repository type is hosted, when its repository is written as
 * a path on that host (`owner/repo`); a URL to it is shortened to the path.
 */
const HOSTS: Record<string, string> = {
  gh: 'github.com',
  gist: 'gist.github.com',
  gl: 'gitlab.com'
};

/**
 * The hub's launch link for repo2docker options, or `null` when they are
 * not a repo2docker start or name no repository that a link can carry.
 *
 * The repository is written as BinderHub writes it: GitHub and Gist as
 * `owner/name` (two segments); a GitLab namespace, a git URL and the DOI or
 * URL of the other types as one escaped segment. The ref is required by the
 * hub: `reporef`, else `HEAD`. A `repopath` becomes `labpath` (a file, the
 * default) or `urlpath` (`repopathtype: url`). The link carries no token.
 *
 * @param hubBaseUrl - the hub's base URL, e.g. `https://example.org/jhub/`
 * @param options - the user options (defaults and preset already merged)
 */
export function launchLink(
  hubBaseUrl: string,
  options: IUserOptions
): string | null {
  const repo = options.repo2docker;
  if (options.option !== 'repo2docker' || !repo) {
    return null;
  }
  const type = repo.repotype ?? '';
  if (!(REPO_TYPES as readonly string[]).includes(type)) {
    return null;
  }
  const spec = repositorySpec(type, String(repo.repourl ?? ''));
  if (spec === null) {
    return null;
  }
  const ref = String(repo.reporef ?? '').trim() || 'HEAD';
  const query = new URLSearchParams();
  const path = String(repo.repopath ?? '').trim();
  if (path) {
    query.set(repo.repopathtype === 'url' ? 'urlpath' : 'labpath', path);
  }
  for (const key of ['system', 'flavor'] as const) {
    const value = options[key];
    if (typeof value === 'string' && value.trim()) {
      query.set(key, value.trim());
    }
  }
  const base = hubBaseUrl.endsWith('/') ? hubBaseUrl : `${hubBaseUrl}/`;
  const search = query.toString();
  return (
    `${base}v2/${type}/${spec}/${encodeURIComponent(ref)}` +
    (search ? `?${search}` : '')
  );
}

/**
 * The repository part of a launch link's path, escaped; `null` if the
 * repository cannot be written that way.
 */
function repositorySpec(type: string, repourl: string): string | null {
  const text = repourl.trim();
  if (!text) {
    return null;
  }
  const host = HOSTS[type];
  if (!host) {
    // A git URL, a DOI or a URL of a data repository: one segment.
    return encodeURIComponent(text);
  }
  const segments = pathOnHost(text, host)
    .replace(/\.git$/, '')
    .split('/')
    .filter(segment => segment !== '');
  if (type === 'gl') {
    return segments.length >= 2 ? encodeURIComponent(segments.join('/')) : null;
  }
  return segments.length === 2
    ? segments.map(segment => encodeURIComponent(segment)).join('/')
    : null;
}

/** `owner/repo` from `owner/repo` or a URL on `host`, without slashes around. */
function pathOnHost(text: string, host: string): string {
  const match = /^(?:https?:\/\/)?(?:www\.)?([^/]+)(\/.*)?$/i.exec(text);
  if (match && match[1].toLowerCase() === host) {
    return (match[2] ?? '').replace(/^\/+|\/+$/g, '');
  }
  return text.replace(/^\/+|\/+$/g, '');
}
