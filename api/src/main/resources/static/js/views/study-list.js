/**
 * The study list (`#/studies`): name, status, counts of its jobs by status and creation time of each study, newest
 * first, read again every {@link POLL_MS} ms while one runs.
 * @module views/study-list
 */

import { el, render } from '../dom.js';
import { listStudies } from '../api.js';
import { formatInstant } from '../format.js';
import { studyHref } from '../router.js';
import { hideProblem, showProblem, statusBadge } from '../widgets.js';
import { countsText } from './study-parts.js';

const PAGE_SIZE = 50;
const POLL_MS = 3000;
const COLUMNS = ['Name', 'Status', 'Jobs', 'Objective', 'Created'];

function studyRow(study) {
  return el('tr', { 'data-study-id': study.id, 'data-testid': `study-row-${study.id}` },
    el('td', {}, el('a', { href: studyHref(study.id), 'data-testid': `study-link-${study.id}`, text: study.name })),
    el('td', {}, statusBadge(String(study.status), `study-status-${study.id}`)),
    el('td', { 'data-testid': `study-counts-${study.id}`, text: countsText(study.counts) }),
    el('td', { text: study.objective ? `${study.objective.mode} ${study.objective.metric}` : '—' }),
    el('td', { text: formatInstant(study.createdAt) }));
}

/** Mounts the study list into `root`; returns its disposer. */
export function mountStudyList(root) {
  const problemBox = el('div', { class: 'problem', role: 'alert', hidden: true, 'data-testid': 'studies-error' });
  const body = el('tbody', { 'data-testid': 'study-list-body' });
  const summary = el('p', { class: 'muted', 'data-testid': 'study-count' });
  render(root, el('h1', { text: 'Studies' }),
    el('p', { class: 'muted' }, 'Create a study with ', el('code', { text: 'POST /api/v1/studies' }),
      ' (docs/studies.md).'),
    problemBox,
    el('table', { class: 'jobs', 'data-testid': 'study-list' },
      el('caption', { class: 'visually-hidden', text: 'Studies, newest first' }),
      el('thead', {}, el('tr', {}, COLUMNS.map((c) => el('th', { scope: 'col', text: c })))), body),
    summary);
  let timer = null;
  let disposed = false;
  const load = async () => {
    try {
      const page = await listStudies({ size: PAGE_SIZE });
      hideProblem(problemBox);
      render(body, page.items.map(studyRow));
      summary.textContent = `${page.items.length} of ${page.totalElements} studies shown`;
      if (!disposed && page.items.some((s) => s.status === 'RUNNING')) timer = setTimeout(load, POLL_MS);
    } catch (error) {
      showProblem(problemBox, error);
      if (!disposed) timer = setTimeout(load, POLL_MS);
    }
  };
  load();
  return () => {
    disposed = true;
    clearTimeout(timer);
  };
}
