/**
 * Renderers for the sections of a study's page: header (with its cancel button while it runs), summary table,
 * trials table and a PBT study's lineage. Statuses and fields the page does not know are shown as they come.
 * @module views/study-parts
 */

import { el } from '../dom.js';
import { formatInstant, formatValue } from '../format.js';
import { hrefOf, jobHref } from '../router.js';
import { formatStat, valuesText } from '../study-stats.js';
import { cancelStudyButton, statusBadge } from '../widgets.js';

const SUMMARY_COLUMNS = ['Arm', 'Point', 'Values', 'Trials', 'Final', 'Best', 'Mean level', 'Reached',
  'Steps to threshold', 'Seconds to threshold', 'Diverged', 'Paired difference'];
const TRIAL_COLUMNS = ['Trial', 'Arm', 'Seed', 'Values', 'Status', 'Final', 'Job'];
const LINEAGE_COLUMNS = ['Round', 'Epochs', 'Rank', 'Trial', 'Value', 'Copied from', 'Values before', 'Values after'];

/** The counts of jobs by status, `RUNNING 2 · SUCCEEDED 3`, whatever the statuses are. */
export function countsText(counts) {
  const entries = Object.entries(counts || {});
  return entries.length ? entries.map(([status, n]) => `${status} ${n}`).join(' · ') : 'no jobs';
}

function objectiveText(objective) {
  if (!objective) return '—';
  const threshold = objective.threshold === null || objective.threshold === undefined ? ''
    : `, threshold ${formatValue(objective.threshold)}`;
  return `${objective.mode} ${objective.metric}${threshold}`;
}

function fact(label, value, testId) {
  return el('div', { class: 'fact' }, el('dt', { text: label }), el('dd', { 'data-testid': testId, text: value }));
}

/** The header: name, status, cancel button while RUNNING, objective, counts and the link to its jobs. */
export function studyHeader(study, onChange, onError) {
  return el('div', { class: 'job-header' },
    el('div', { class: 'title-row' },
      el('h1', { 'data-testid': 'study-name', text: study.name }),
      statusBadge(study.status, 'study-status'),
      study.status === 'RUNNING' ? cancelStudyButton(study, onChange, onError) : null),
    el('p', { class: 'muted mono', text: study.id }),
    el('dl', { class: 'facts' },
      fact('Objective', objectiveText(study.objective), 'study-objective'),
      fact('Jobs', countsText(study.counts), 'study-counts'),
      fact('Trials', String((study.trials || []).length)),
      fact('Max concurrent', String(study.maxConcurrent ?? '—')),
      fact('Created', formatInstant(study.createdAt)),
      fact('Finished', formatInstant(study.finishedAt))),
    el('p', {}, el('a', { href: hrefOf('/', { study: study.id }), 'data-testid': 'study-jobs-link',
      text: 'Its jobs in the job list' })));
}

function reachedText(row) {
  return `${row.reached ?? 0} / ${row.trials ?? 0}`;
}

function summaryRow(row, index) {
  const stat = (value, testId) => el('td', { class: 'num', 'data-testid': testId, 'data-n': value?.n ?? 0,
    text: formatStat(value) });
  return el('tr', { 'data-testid': `summary-row-${index}` },
    el('td', { text: row.arm ?? 'base' }),
    el('td', { class: 'num', text: row.point ?? '—' }),
    el('td', { text: valuesText(row.values) }),
    el('td', { class: 'num', text: row.trials ?? '—' }),
    stat(row.final, `summary-final-${index}`),
    stat(row.best),
    stat(row.meanLevel),
    el('td', { class: 'num', text: reachedText(row) }),
    stat(row.stepsToThreshold),
    stat(row.secondsToThreshold),
    el('td', { class: 'num', text: row.diverged ?? 0 }),
    stat(row.pairedDifference));
}

/** The summary: one row per arm (per arm × point in a search), statistics as mean ± sd (n). */
export function summaryTable(study) {
  const rows = study.summary || [];
  if (!rows.length) return el('p', { class: 'muted', 'data-testid': 'summary-empty', text: 'No summary yet.' });
  return el('div', { class: 'table-scroll' }, el('table', { class: 'study-table', 'data-testid': 'study-summary' },
    el('caption', { class: 'visually-hidden', text: 'Summary per arm over its seeds' }),
    el('thead', {}, el('tr', {}, SUMMARY_COLUMNS.map((c) => el('th', { scope: 'col', text: c })))),
    el('tbody', { 'data-testid': 'study-summary-body' }, rows.map(summaryRow))));
}

function trialRow(trial, finals) {
  return el('tr', { 'data-testid': `trial-row-${trial.trial}`, 'data-status': trial.status },
    el('td', { class: 'num', text: trial.trial }),
    el('td', { text: trial.arm ?? 'base' }),
    el('td', { class: 'num', text: trial.seed }),
    el('td', { text: valuesText(trial.values) }),
    el('td', {}, statusBadge(String(trial.status), `trial-status-${trial.trial}`)),
    el('td', { class: 'num', text: formatValue(finals.get(trial.jobId)) }),
    el('td', {}, el('a', { href: jobHref(trial.jobId), 'data-testid': `trial-link-${trial.trial}`,
      text: trial.jobId.slice(0, 8) })));
}

/** Every trial in release order, with its status, final objective value and a link to its job's page. */
export function trialsTable(study, finals) {
  return el('div', { class: 'table-scroll' }, el('table', { class: 'study-table', 'data-testid': 'study-trials' },
    el('thead', {}, el('tr', {}, TRIAL_COLUMNS.map((c) => el('th', { scope: 'col', text: c })))),
    el('tbody', {}, (study.trials || []).map((trial) => trialRow(trial, finals)))));
}

/** True for a study scheduled by PBT (its body's scheduler). */
export function isPbt(study) {
  return study?.body?.scheduler?.type === 'pbt';
}

function lineageRow(event) {
  const exploited = event.sourceTrial !== null && event.sourceTrial !== undefined;
  return el('tr', { 'data-testid': `lineage-row-${event.round}-${event.trial}`,
    'data-exploited': String(exploited) },
  el('td', { class: 'num', text: event.round }),
  el('td', { class: 'num', text: event.epochs }),
  el('td', { class: 'num', text: event.rank }),
  el('td', { class: 'num', text: event.trial }),
  el('td', { class: 'num', text: formatValue(event.value) }),
  el('td', { 'data-testid': `lineage-source-${event.round}-${event.trial}`,
    text: exploited ? `trial ${event.sourceTrial}` : '—' }),
  el('td', { text: valuesText(event.valuesBefore) }),
  el('td', { text: valuesText(event.valuesAfter) }));
}

/**
 * A PBT study's lineage: per decided round, every member by rank, which member it copied (exploit) and its values
 * before and after (explore).
 */
export function lineageTable(lineage) {
  if (!lineage?.length) {
    return el('p', { class: 'muted', 'data-testid': 'lineage-empty', text: 'No round decided yet.' });
  }
  return el('div', { class: 'table-scroll' }, el('table', { class: 'study-table', 'data-testid': 'study-lineage' },
    el('caption', { class: 'visually-hidden', text: 'PBT decisions per round' }),
    el('thead', {}, el('tr', {}, LINEAGE_COLUMNS.map((c) => el('th', { scope: 'col', text: c })))),
    el('tbody', {}, lineage.map(lineageRow))));
}
