/**
 * Hash routing: `#/` (job list, `?status=`, `?study=`), `#/jobs/{id}`, `#/submit`, `#/compare?ids=&metric=`,
 * `#/playground`, `#/studies`, `#/studies/{id}`.
 * @module router
 */

/**
 * Parses a location hash.
 * @param {string} hash e.g. "#/jobs/0b7c…?tab=x"
 * @returns {{name: string, id: (string|null), query: URLSearchParams}}
 */
export function parseHash(hash) {
  const raw = (hash || '').replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(search);
  if (parts.length === 0) return { name: 'jobs', id: null, query };
  if (parts[0] === 'jobs' && parts[1]) return { name: 'job', id: parts[1], query };
  if (parts[0] === 'jobs') return { name: 'jobs', id: null, query };
  if (parts[0] === 'studies' && parts[1]) return { name: 'study', id: parts[1], query };
  return { name: parts[0], id: null, query };
}

/** The hash of a job's page. */
export const jobHref = (id) => `#/jobs/${encodeURIComponent(id)}`;

/** The hash of a study's page. */
export const studyHref = (id) => `#/studies/${encodeURIComponent(id)}`;

/** Builds a hash from a route name and query parameters, dropping empty ones. */
export function hrefOf(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, value);
  }
  const search = query.toString();
  return `#${path}${search ? `?${search}` : ''}`;
}
