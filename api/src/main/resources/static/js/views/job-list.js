/**
 * The job list: status, progress, optimizer, dataset, current loss, elapsed time and ETA of each job, a status
 * filter and cancel buttons, kept live by `/api/v1/events` (polling `/api/v1/jobs` with ETags as a fallback).
 * @module views/job-list
 */

import { el, render } from '../dom.js';
import { listJobs, allEventsUrl } from '../api.js';
import { subscribe } from '../live.js';
import { hrefOf, jobHref } from '../router.js';
import {
  currentLoss, datasetOf, elapsedSeconds, formatDuration, formatValue, isActive, optimizerOf,
} from '../format.js';
import { cancelButton, progressBar, statusBadge, showProblem, hideProblem } from '../widgets.js';

const STATUSES = ['QUEUED', 'RUNNING', 'CANCELLING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];
const PAGE_SIZE = 50;
const CLOCK_TICK_MS = 1000;
const COLUMNS = ['Name', 'Status', 'Progress', 'Optimizer', 'Dataset', 'Loss', 'Elapsed', 'ETA', ''];

function statusFilter(selected) {
  const select = el('select', { id: 'status-filter', 'data-testid': 'status-filter' },
    el('option', { value: '', text: 'All' }),
    STATUSES.map((s) => el('option', { value: s, text: s, selected: s === selected })));
  select.addEventListener('change', () => {
    location.hash = hrefOf('/', { status: select.value });
  });
  return el('div', { class: 'toolbar' },
    el('label', { for: 'status-filter', text: 'Status' }), select,
    el('a', { class: 'button primary', href: '#/submit', 'data-testid': 'new-job', text: 'New job' }));
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

/** Mounts the job list into `root`; returns its disposer. */
export function mountJobList(root, route) {
  const filter = route.query.get('status') || '';
  const jobs = new Map();
  const problemBox = el('div', { class: 'problem', role: 'alert', hidden: true, 'data-testid': 'list-error' });
  const body = el('tbody', { 'data-testid': 'job-list-body' });
  const summary = el('p', { class: 'muted', 'data-testid': 'job-count' });
  let etag = null;

  const matches = (job) => !filter || job.status === filter;
  const onError = (error) => showProblem(problemBox, error);
  const upsert = (job) => {
    const existing = body.querySelector(`tr[data-job-id="${CSS.escape(job.id)}"]`);
    if (!matches(job)) {
      jobs.delete(job.id);
      if (existing) existing.remove();
      return;
    }
    jobs.set(job.id, job);
    const row = jobRow(job, upsert, onError);
    if (existing) existing.replaceWith(row);
    else body.prepend(row);
    summary.textContent = `${jobs.size} job${jobs.size === 1 ? '' : 's'} shown`;
  };

  const load = async () => {
    try {
      const answer = await listJobs({ status: filter ? [filter] : [], size: PAGE_SIZE }, etag);
      if (answer.notModified) return;
      etag = answer.etag;
      jobs.clear();
      render(body);
      [...answer.data.items].reverse().forEach(upsert);
      summary.textContent = `${answer.data.items.length} of ${answer.data.totalElements} jobs shown`;
      hideProblem(problemBox);
    } catch (error) {
      onError(error);
    }
  };

  const tickClock = () => {
    for (const row of body.querySelectorAll('tr[data-job-id]')) {
      const job = jobs.get(row.dataset.jobId);
      if (job && isActive(job.status)) {
        row.querySelector('[data-elapsed]').textContent = formatDuration(elapsedSeconds(job));
      }
    }
  };

  render(root,
    el('h1', { text: 'Jobs' }), statusFilter(filter), problemBox,
    el('table', { class: 'jobs', 'data-testid': 'job-list' },
      el('caption', { class: 'visually-hidden', text: 'Training jobs, newest first' }),
      el('thead', {}, el('tr', {}, COLUMNS.map((c) => el('th', { scope: 'col', text: c })))), body),
    summary);
  load();
  const stream = subscribe(allEventsUrl(), { job: upsert }, load);
  const clock = setInterval(tickClock, CLOCK_TICK_MS);
  return () => {
    stream.close();
    clearInterval(clock);
  };
}
