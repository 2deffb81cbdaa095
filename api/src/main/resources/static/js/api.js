/**
 * The REST client of the dashboard: one function per endpoint of openapi.yaml.
 * Every failure becomes a {@link ProblemError} carrying the RFC 9457 problem document.
 * @module api
 */

import { authHeaders, signOut } from './auth.js';

const BASE = '/api/v1';
const NON_FINITE = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** A failed request; `problem` is the server's problem+json document (or one made up for it). */
export class ProblemError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ProblemError';
    this.problem = problem;
  }

  /** The per-field errors ({pointer, message}), empty when the problem has none. */
  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/** Reads a number the server may have written as "NaN", "Infinity" or "-Infinity". */
export function toNumber(value) {
  if (typeof value === 'number') return value;
  if (value === null || value === undefined) return null;
  return value in NON_FINITE ? NON_FINITE[value] : Number(value);
}

async function problemOf(response) {
  const text = await response.text();
  try {
    const doc = JSON.parse(text);
    if (doc && typeof doc === 'object') return { status: response.status, ...doc };
  } catch (ignored) {
    // not JSON: fall through to a generic problem
  }
  const title = response.statusText || 'Request failed';
  return { status: response.status, title, detail: text.slice(0, 300) || title };
}

/**
 * Sends a request. With `etag`, a 304 answer resolves to `{notModified: true}`.
 * @returns {Promise<{data?: *, etag?: string, notModified?: boolean}>}
 */
export async function request(path, { method = 'GET', body, etag } = {}) {
  const headers = { Accept: 'application/json, application/problem+json', ...authHeaders() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (etag) headers['If-None-Match'] = etag;
  const payload = body === undefined || typeof body === 'string' ? body : JSON.stringify(body);
  let response;
  try {
    response = await fetch(BASE + path, { method, headers, body: payload, cache: 'no-store' });
  } catch (networkError) {
    throw new ProblemError({ status: 0, title: 'Service unreachable', detail: networkError.message });
  }
  if (response.status === 304) return { notModified: true, etag };
  if (response.status === 401) signOut();
  if (!response.ok) throw new ProblemError(await problemOf(response));
  return { data: await response.json(), etag: response.headers.get('ETag') };
}

const get = async (path) => (await request(path)).data;
const post = async (path, body) => (await request(path, { method: 'POST', body })).data;
const enc = encodeURIComponent;

/** Job list page with each job's spec (the views show its optimizer and dataset); `status` is an array of statuses
 * (empty: all), `study` a study's id (only its trials). Honours ETags. */
export function listJobs({ status = [], study = '', page = 0, size = 50 } = {}, etag = null) {
  const query = new URLSearchParams({ page, size, view: 'full' });
  if (status.length) query.set('status', status.join(','));
  if (study) query.set('study', study);
  return request(`/jobs?${query}`, { etag });
}

export const getJob = (id) => get(`/jobs/${enc(id)}`);
export const cancelJob = (id) => post(`/jobs/${enc(id)}/cancel`);
export const pauseJob = (id) => post(`/jobs/${enc(id)}/pause`);
export const unpauseJob = (id) => post(`/jobs/${enc(id)}/unpause`);
export const submitJob = (specText) => post('/jobs', specText);
export const listCheckpoints = async (id) => (await get(`/jobs/${enc(id)}/checkpoints`)).items;
export const listExamples = async () => (await get('/examples')).items;
export const listStudies = ({ page = 0, size = 50 } = {}) => get(`/studies?${new URLSearchParams({ page, size })}`);
export const getStudy = (id) => get(`/studies/${enc(id)}`);
export const cancelStudy = (id) => post(`/studies/${enc(id)}/cancel`);
export const runTrajectory = (body) => post('/playground/trajectories', body);

/** The URL a checkpoint's zip downloads from. */
export const checkpointUrl = (jobId, checkpointId) =>
  `${BASE}/jobs/${enc(jobId)}/checkpoints/${enc(checkpointId)}/content`;

/** Downloads a checkpoint's zip as `filename` (a plain link cannot send the key, so: fetch, then save the blob). */
export async function downloadCheckpoint(jobId, checkpointId, filename) {
  const response = await fetch(checkpointUrl(jobId, checkpointId), { headers: authHeaders(), cache: 'no-store' });
  if (response.status === 401) signOut();
  if (!response.ok) throw new ProblemError(await problemOf(response));
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** Whether `key` is accepted by the service (a cheap authenticated read). */
export async function keyWorks(key) {
  const response = await fetch(`${BASE}/jobs?size=1`, {
    headers: { Authorization: `Bearer ${key}` }, cache: 'no-store',
  });
  return response.ok;
}

/** Event-stream URLs. */
export const jobEventsUrl = (id) => `${BASE}/jobs/${enc(id)}/events`;
export const allEventsUrl = () => `${BASE}/events`;

/** A job's metric series, optionally only `names`, at most `maxPoints` points each. */
export async function getMetrics(id, { names = [], maxPoints = 1000 } = {}) {
  const query = new URLSearchParams({ maxPoints });
  if (names.length) query.set('names', names.join(','));
  return (await get(`/jobs/${enc(id)}/metrics?${query}`)).series;
}
