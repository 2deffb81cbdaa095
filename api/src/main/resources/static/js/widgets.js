/**
 * Small widgets shared by the views: status badge, progress bar, cancel and pause buttons (of jobs and studies),
 * problem box.
 * @module widgets
 */

import { el, render } from './dom.js';
import { cancelJob, cancelStudy, pauseJob, unpauseJob } from './api.js';

const CANCELLABLE = new Set(['WAITING', 'QUEUED', 'RUNNING', 'PAUSED']);
const PAUSABLE = new Set(['QUEUED', 'RUNNING']);

/** A coloured badge naming a job status. */
export function statusBadge(status, testId) {
  return el('span', { class: `badge status-${status.toLowerCase()}`, 'data-testid': testId, text: status });
}

/** The percentage of a job done; 100 once it succeeded. */
function percentDone(job) {
  if (job.status === 'SUCCEEDED') return 100;
  const fraction = Number(job.progress?.fraction) || 0;
  return Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 10;
}

/** An accessible progress bar; `aria-valuenow` holds the percentage for tests and screen readers. */
export function progressBar(job, testId) {
  const percent = percentDone(job);
  return el('div', {
    class: 'progress',
    'data-status': job.status,
    role: 'progressbar',
    'aria-label': `Progress of ${job.name}`,
    'aria-valuemin': 0,
    'aria-valuemax': 100,
    'aria-valuenow': percent,
    'data-testid': testId,
  },
  el('div', { class: 'progress-track' }, el('div', { class: 'progress-fill', style: `width: ${percent}%` })),
  el('span', { class: 'progress-label', text: `${percent.toFixed(1)}%` }));
}

/**
 * A button that cancels the job, disabled once the job cannot be cancelled.
 * @param {Object} job
 * @param {function(Object): void} onCancelled gets the job the server returned
 * @param {function(Error): void} onError
 */
export function cancelButton(job, onCancelled, onError) {
  return actionButton(job, {
    action: 'cancel', label: 'Cancel', kind: 'danger', enabled: CANCELLABLE.has(job.status), call: cancelJob,
  }, onCancelled, onError);
}

/**
 * A button that pauses a queued or running job, or unpauses a paused one; disabled in the other states.
 * @param {Object} job
 * @param {function(Object): void} onChanged gets the job the server returned
 * @param {function(Error): void} onError
 */
export function pauseButton(job, onChanged, onError) {
  const paused = job.status === 'PAUSED';
  return actionButton(job, {
    action: paused ? 'unpause' : 'pause',
    label: paused ? 'Unpause' : 'Pause',
    kind: '',
    enabled: paused || PAUSABLE.has(job.status),
    call: paused ? unpauseJob : pauseJob,
  }, onChanged, onError);
}

/** A button that cancels a RUNNING study (`data-testid` `cancel-<study id>`); hands on the study returned. */
export function cancelStudyButton(study, onCancelled, onError) {
  return actionButton(study, {
    action: 'cancel', label: 'Cancel study', kind: 'danger', enabled: study.status === 'RUNNING', call: cancelStudy,
  }, onCancelled, onError);
}

/** A small button that POSTs one job (or study) action and hands the answer on; disabled while the request runs. */
function actionButton(job, { action, label, kind, enabled, call }, onDone, onError) {
  const button = el('button', {
    type: 'button',
    class: ['button', kind, 'small'].filter(Boolean).join(' '),
    'data-testid': `${action}-${job.id}`,
    'aria-label': `${label} ${job.name}`,
    disabled: !enabled,
    text: label,
  });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      onDone(await call(job.id));
    } catch (error) {
      button.disabled = false;
      onError(error);
    }
  });
  return button;
}

function pointerLabel(pointer, onPointer) {
  const code = el('code', { text: pointer || '/' });
  if (!onPointer) return code;
  return el('button', {
    type: 'button', class: 'link', title: 'Show this field in the editor', onclick: () => onPointer(pointer),
  }, code);
}

/**
 * Fills `box` with a problem's title, detail and per-field errors (pointer and message); with `onPointer`, each
 * pointer is a button that calls it.
 */
export function showProblem(box, error, onPointer = null) {
  const problem = error.problem || { title: 'Error', detail: error.message };
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  render(box,
    el('p', { class: 'problem-title' }, el('strong', { text: problem.title || 'Error' }),
      problem.status ? ` (${problem.status})` : ''),
    problem.detail && problem.detail !== problem.title ? el('p', { text: problem.detail }) : null,
    errors.length ? el('ul', { class: 'field-errors', 'data-testid': 'field-errors' },
      errors.map((e) => el('li', { 'data-pointer': e.pointer },
        pointerLabel(e.pointer, onPointer), ' ', e.message))) : null);
  box.hidden = false;
}

/** Empties and hides a problem box. */
export function hideProblem(box) {
  render(box);
  box.hidden = true;
}
