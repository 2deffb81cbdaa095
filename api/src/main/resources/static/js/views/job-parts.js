/**
 * Renderers for the sections of a job's page: header with progress (and why it stopped early), failure,
 * checkpoints, timeline (status changes and rule firings) and spec.
 * @module views/job-parts
 */

import { el } from '../dom.js';
import { checkpointUrl, downloadCheckpoint } from '../api.js';
import {
  datasetOf, elapsedSeconds, formatBytes, formatDuration, formatInstant, formatValue, optimizerOf,
} from '../format.js';
import { studyHref } from '../router.js';
import { cancelButton, pauseButton, progressBar, statusBadge } from '../widgets.js';

const SHA_PREFIX_LENGTH = 12;

function fact(label, value, testId) {
  return el('div', { class: 'fact' }, el('dt', { text: label }), el('dd', { 'data-testid': testId, text: value }));
}

/** The header: name, status, pause and cancel buttons, progress bar and the run's facts. */
export function jobHeader(job, onChange, onError) {
  const p = job.progress || {};
  return el('div', { class: 'job-header' },
    el('div', { class: 'title-row' },
      el('h1', { 'data-testid': 'job-name', text: job.name }),
      statusBadge(job.status, 'job-status'),
      pauseButton(job, onChange, onError),
      cancelButton(job, onChange, onError)),
    el('p', { class: 'muted mono', text: job.id }),
    progressBar(job, 'job-progress'),
    el('dl', { class: 'facts' },
      fact('Optimizer', optimizerOf(job)),
      fact('Dataset', datasetOf(job)),
      fact('Epoch', `${p.epoch ?? 0} / ${p.epochs ?? '?'}`, 'job-epoch'),
      fact('Iteration', `${p.iteration ?? 0} / ${p.totalIterations ?? '?'}`, 'job-iteration'),
      fact('Loss', formatValue(job.latestMetrics?.loss), 'job-loss'),
      fact('Elapsed', formatDuration(elapsedSeconds(job)), 'job-elapsed'),
      fact('ETA', job.status === 'RUNNING' ? formatDuration(p.etaSeconds) : '—', 'job-eta'),
      fact('Attempt', `${job.attempt} / ${job.maxAttempts}`),
      job.studyId ? studyFact(job.studyId) : null,
      job.stopReason ? fact('Stopped by', stopText(job), 'job-stop-reason') : null));
}

/** The study the job is a trial of, linked to its page. */
function studyFact(studyId) {
  return el('div', { class: 'fact' }, el('dt', { text: 'Study' }),
    el('dd', {}, el('a', { href: studyHref(studyId), 'data-testid': 'job-study', text: studyId.slice(0, 8) })));
}

/** Why the run stopped early: early stopping's epochs, or the rule that stopped or failed it. */
export function stopText(job) {
  const d = job.stopDetail || {};
  if (job.stopReason === 'early_stopping') {
    return `early stopping at epoch ${d.stoppedEpoch} (best epoch ${d.bestEpoch})`;
  }
  return d.rule ? `${ruleText(d.rule)} at step ${d.step}` : job.stopReason;
}

/** A rule in words: `rule 1: loss nonfinite → stop`. */
export function ruleText(rule) {
  const w = rule.when || {};
  const test = w.value === undefined ? w.test : `${w.test} ${w.value}`;
  const times = w.for > 1 ? ` for ${w.for}` : '';
  return `rule ${rule.index}: ${w.metric} ${test}${times} → ${rule.do}`;
}

/** The firings of the job's rules on its timeline, as chart markers `{step, label}`. */
export function ruleMarkers(job) {
  return (job.timeline || []).filter((e) => e.kind === 'rule' && e.detail?.rule)
    .map((e) => ({ step: e.detail.step, label: `${ruleText(e.detail.rule)}: ${e.detail.metric} = ${e.detail.value}` }));
}

/** The failure reason, or nothing when the job has not failed. */
export function failureBox(job) {
  if (!job.failure) return null;
  return el('div', { class: 'problem', role: 'alert', 'data-testid': 'job-failure' },
    el('p', {}, el('strong', { text: `Failed: ${job.failure.code}` })),
    el('p', { class: 'mono', text: job.failure.message }));
}

function checkpointRow(jobId, checkpoint) {
  const metrics = Object.entries(checkpoint.metrics || {})
    .map(([name, value]) => `${name} ${formatValue(value)}`).join(', ');
  return el('tr', { 'data-testid': `checkpoint-${checkpoint.id}` },
    el('td', { text: checkpoint.kind }),
    el('td', { class: 'num', text: checkpoint.step }),
    el('td', { class: 'num', text: checkpoint.epoch }),
    el('td', { class: 'num', text: formatBytes(checkpoint.sizeBytes) }),
    el('td', { class: 'mono', title: checkpoint.sha256, text: checkpoint.sha256.slice(0, SHA_PREFIX_LENGTH) }),
    el('td', { text: metrics || '—' }),
    el('td', { text: formatInstant(checkpoint.createdAt) }),
    el('td', {}, el('a', {
      href: checkpointUrl(jobId, checkpoint.id),
      download: `${jobId}-${checkpoint.kind}-${checkpoint.step}.zip`,
      'data-testid': `checkpoint-download-${checkpoint.id}`,
      text: 'Download',
      onclick: (event) => {
        event.preventDefault();
        downloadCheckpoint(jobId, checkpoint.id, event.currentTarget.getAttribute('download'))
          .catch((error) => window.alert(`Download failed: ${error.message}`));
      },
    })));
}

/** The checkpoints table, oldest first. */
export function checkpointTable(jobId, checkpoints) {
  if (!checkpoints.length) return el('p', { class: 'muted', text: 'No checkpoints yet.' });
  const headings = ['Kind', 'Step', 'Epoch', 'Size', 'SHA-256', 'Metrics', 'Created', ''];
  return el('table', { 'data-testid': 'checkpoint-table' },
    el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, checkpoints.map((c) => checkpointRow(jobId, c))));
}

function timelineEntry(e) {
  const time = el('time', { datetime: e.at, text: formatInstant(e.at) });
  if (e.kind === 'rule') {
    return el('li', { class: 'rule-event', 'data-testid': 'timeline-rule', title: JSON.stringify(e.detail) },
      time, ` ${e.reason}`);
  }
  return el('li', { title: e.detail ? JSON.stringify(e.detail) : undefined }, time,
    ` ${e.from ? `${e.from} → ` : ''}${e.to}`,
    e.reason ? el('span', { class: 'muted', text: ` (${e.reason})` }) : null);
}

/** The status changes and rule firings, oldest first. */
export function timelineList(job) {
  return el('ol', { class: 'timeline', 'data-testid': 'job-timeline' }, (job.timeline || []).map(timelineEntry));
}

/** The stored spec, defaults filled in, as indented JSON. */
export function specBlock(job) {
  return el('pre', { class: 'spec', 'data-testid': 'job-spec', tabindex: 0 },
    el('code', { text: JSON.stringify(job.spec, null, 2) }));
}
