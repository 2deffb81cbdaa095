/**
 * The job list: status, progress, optimizer, dataset, current loss, elapsed time and ETA of each job, a status
 * filter (and `?study=`: only that study's trials) and cancel buttons, kept live by `/api/v1/events` (polling
 * `/api/v1/jobs` with ETags as a fallback).
 * @module views/job-list
 */

import { el, render } from '../dom.js';
import { listJobs, allEventsUrl } from '../api.js';
import { subscribe } from '../live.js';
import { hrefOf, jobHref, studyHref } from '../router.js';
import {
  currentLoss, datasetOf, elapsedSeconds, formatDuration, formatValue, isActive, optimizerOf,
} from '../format.js';
import { cancelButton, progressBar, statusBadge, showProblem, hideProblem } from '../widgets.js';

const STATUSES = ['WAITING', 'QUEUED', 'RUNNING', 'CANCELLING', 'PAUSING', 'PAUSED', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'PRUNED'];
const PAGE_SIZE = 50;
const CLOCK_TICK_MS = 1000;
const COLUMNS = ['Name', 'Status', 'Progress', 'Optimizer', 'Dataset', 'Loss', 'Elapsed', 'ETA', ''];

function statusFilter(selected, study) {
  const select = el('select', { id: 'status-filter', 'data-testid': 'status-filter' },
    el('option', { value: '', text: 'All' }),
    STATUSES.map((s) => el('option', { value: s, text: s, selected: s === selected })));
  select.addEventListener('change', () => {
    location.hash = hrefOf('/', { status: select.value, study });
  });
  return el('div', { class: 'toolbar' },
    el('label', { for: 'status-filter', text: 'Status' }), select,
    el('a', { class: 'button primary', href: '#/submit', 'data-testid': 'new-job', text: 'New job' }));
}

/** Says that only a study's trials are shown, with links to the study and to every job. */
function studyNote(study) {
  if (!study) return null;
  return el('p', { class: 'muted', 'data-testid': 'study-filter' }, 'The trials of study ',
    el('a', { href: studyHref(study), text: study.slice(0, 8) }), ' · ', el('a', { href: '#/', text: 'all jobs' }));
}

function etaCell(job) {
  return job.status === 'RUNNING' ? formatDuration(job.progress?.etaSeconds) : '—';
}

function jobRow(job, onChange, onError) {
  return el('tr', { 'data-job-id': job.id, 'data-testid': `job-row-${job.id}`, 'data-status': job.status },
    el('td', {}, el('a', { href: jobHref(job.id), 'data-testid': `job-link-${job.id}`, text: job.name })),
    el('td', {}, statusBadge(job.status, `job-status-${job.id}`)),
    el('td', { class: 'progress-cell' }, progressBar(job, `job-progress-${job.id}`)),
    el('td', { text: optimizerOf(job) }),
    el('td', { text: datasetOf(job) }),
    el('td', { class: 'num', 'data-testid': `job-loss-${job.id}`, text: formatValue(currentLoss(job)) }),
    el('td', { class: 'num', 'data-elapsed': '', text: formatDuration(elapsedSeconds(job)) }),
    el('td', { class: 'num', text: etaCell(job) }),
    el('td', {}, cancelButton(job, onChange, onError)));
}

/** The table of jobs: rows by id, replaced in place on updates, ordered newest first. */
class JobTable {
  constructor({ filter, study }, onError) {
    this.filter = filter;
    this.study = study;
    this.onError = onError;
    this.jobs = new Map();
    this.etag = null;
    this.body = el('tbody', { 'data-testid': 'job-list-body' });
    this.summary = el('p', { class: 'muted', 'data-testid': 'job-count' });
    this.table = el('table', { class: 'jobs', 'data-testid': 'job-list' },
      el('caption', { class: 'visually-hidden', text: 'Training jobs, newest first' }),
      el('thead', {}, el('tr', {}, COLUMNS.map((c) => el('th', { scope: 'col', text: c })))), this.body);
  }

  rowOf(id) {
    return this.body.querySelector(`tr[data-job-id="${CSS.escape(id)}"]`);
  }

  /** The row of the newest job created before `job` (null when there is none: the row goes last). */
  firstRowOlderThan(job) {
    const created = Date.parse(job.createdAt);
    return [...this.body.rows].find((row) => Date.parse(this.jobs.get(row.dataset.jobId).createdAt) < created) ?? null;
  }

  /** Shows a job's latest state: replaces its row, adds it in creation order, or drops it when filtered out. */
  upsert(job) {
    const existing = this.rowOf(job.id);
    if ((this.filter && job.status !== this.filter) || (this.study && job.studyId !== this.study)) {
      this.jobs.delete(job.id);
      if (existing) existing.remove();
      return;
    }
    this.jobs.set(job.id, job);
    const row = jobRow(job, (changed) => this.upsert(changed), this.onError);
    if (existing) existing.replaceWith(row);
    else this.body.insertBefore(row, this.firstRowOlderThan(job));
    this.summary.textContent = `${this.jobs.size} job${this.jobs.size === 1 ? '' : 's'} shown`;
  }

  /** Reads the first page again (a 304 leaves the table as it is). */
  async load() {
    const status = this.filter ? [this.filter] : [];
    const answer = await listJobs({ status, study: this.study, size: PAGE_SIZE }, this.etag);
    if (answer.notModified) return;
    this.etag = answer.etag;
    this.jobs.clear();
    render(this.body);
    answer.data.items.forEach((job) => this.upsert(job));
    this.summary.textContent = `${answer.data.items.length} of ${answer.data.totalElements} jobs shown`;
  }

  /** Advances the elapsed time of the jobs still running. */
  tickClock() {
    for (const [id, job] of this.jobs) {
      const cell = isActive(job.status) ? this.rowOf(id)?.querySelector('[data-elapsed]') : null;
      if (cell) cell.textContent = formatDuration(elapsedSeconds(job));
    }
  }
}

/** Mounts the job list into `root`; returns its disposer. */
export function mountJobList(root, route) {
  const filter = route.query.get('status') || '';
  const study = route.query.get('study') || '';
  const problemBox = el('div', { class: 'problem', role: 'alert', hidden: true, 'data-testid': 'list-error' });
  const table = new JobTable({ filter, study }, (error) => showProblem(problemBox, error));
  const load = () => table.load().then(() => hideProblem(problemBox), (error) => showProblem(problemBox, error));
  render(root, el('h1', { text: 'Jobs' }), statusFilter(filter, study), studyNote(study), problemBox, table.table,
    table.summary);
  load();
  const stream = subscribe(allEventsUrl(), { job: (job) => table.upsert(job) }, load);
  const clock = setInterval(() => table.tickClock(), CLOCK_TICK_MS);
  return () => {
    stream.close();
    clearInterval(clock);
  };
}
