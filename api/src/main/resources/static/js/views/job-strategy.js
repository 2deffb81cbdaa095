/**
 * The job page's "Strategy" panel: what the job's spec asks of the training beyond one optimizer run, each part only
 * when the spec has it — phases (the current one highlighted from the `phase` metric), warm start (its source job
 * linked), early stopping (and where it stopped), curriculum (and the current fraction), pretraining (its fields as
 * given, the current stage from `pretrain_stage`) and input whitening. Rendered from the job resource alone.
 * @module views/job-strategy
 */

import { el } from '../dom.js';
import { formatValue } from '../format.js';
import { jobHref } from '../router.js';

const DASH = '—';
const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `{type: "sgd", lr: 0.05, momentum: 0.9}` → `sgd (lr 0.05, momentum 0.9)`; a dash for none. */
export function settingsText(settings) {
  if (!settings || typeof settings !== 'object') return settings == null ? DASH : String(settings);
  const { type, ...rest } = settings;
  const parts = Object.entries(rest).filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : v}`);
  if (type === undefined) return parts.length ? parts.join(', ') : DASH;
  return parts.length ? `${type} (${parts.join(', ')})` : String(type);
}

function fact(label, value, testId) {
  return el('div', { class: 'fact' }, el('dt', { text: label }),
    el('dd', { 'data-testid': testId }, value instanceof Node ? value : String(value ?? DASH)));
}

function part(title, testId, ...children) {
  return el('div', { class: 'strategy-part', 'data-testid': testId }, el('h3', { text: title }), children);
}

function jobLink(id, testId) {
  return JOB_ID.test(id) ? el('a', { href: jobHref(id), class: 'mono', 'data-testid': testId, text: id })
    : el('span', { 'data-testid': testId, text: id });
}

function phasesPart(job) {
  const phases = job.spec?.phases || [];
  const current = job.latestMetrics?.phase;
  const headings = ['#', 'Epochs', 'Optimizer', 'Schedule', 'Batch size', 'Keep state'];
  return part('Phases', 'strategy-phases', el('table', { 'data-testid': 'strategy-phase-table' },
    el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, phases.map((p, i) => el('tr', {
      class: i === current ? 'current' : undefined,
      'data-testid': `strategy-phase-${i}`,
      'data-current': i === current ? 'true' : undefined,
      'aria-current': i === current ? 'step' : undefined,
    }, el('td', { class: 'num', text: i }), el('td', { class: 'num', text: p.epochs }),
    el('td', { text: settingsText(p.optimizer) }),
    el('td', { text: p.schedule ? settingsText(p.schedule) : 'constant' }),
    el('td', { class: 'num', text: p.batchSize }), el('td', { text: p.keepState ? 'yes' : 'no' }))))));
}

function warmStartPart(init) {
  return part('Warm start', 'strategy-init', el('dl', { class: 'facts' },
    fact('Source job', jobLink(init.fromJob, 'strategy-init-source')),
    fact('Checkpoint', init.checkpoint, 'strategy-init-checkpoint'),
    fact('Layers', (init.layers || []).join(', ') || 'all', 'strategy-init-layers'),
    fact('Frozen', (init.freeze || []).join(', ') || 'none', 'strategy-init-frozen')));
}

function earlyStoppingPart(job) {
  const e = job.spec.earlyStopping;
  const d = job.stopDetail || {};
  const stopped = job.stopReason === 'early_stopping';
  return part('Early stopping', 'strategy-early-stopping', el('dl', { class: 'facts' },
    fact('Metric', `${e.metric} (${e.mode})`), fact('Patience', e.patience), fact('Min delta', e.minDelta),
    fact('Restore best', e.restoreBest ? 'yes' : 'no'),
    stopped ? fact('Stopped', `at epoch ${d.stoppedEpoch} (best epoch ${d.bestEpoch})`, 'strategy-early-stopped')
      : null));
}

function curriculumPart(job) {
  const c = job.spec.curriculum;
  const fraction = job.latestMetrics?.curriculum_fraction;
  const examples = job.latestMetrics?.train_examples;
  return part('Curriculum', 'strategy-curriculum', el('dl', { class: 'facts' },
    fact('Type', c.type, 'strategy-curriculum-type'),
    fact('Scored by', c.scoredBy === 'loss' ? 'the initial network\'s loss'
      : jobLink(c.scoredBy, 'strategy-curriculum-source'), 'strategy-curriculum-scored-by'),
    c.checkpoint ? fact('Checkpoint', c.checkpoint) : null,
    fact('Start fraction', c.startFraction, 'strategy-curriculum-start'),
    fact('Epochs to full set', c.epochsToFull, 'strategy-curriculum-epochs'),
    fact('Current fraction', fraction === undefined ? DASH
      : `${formatValue(fraction)}${examples === undefined ? '' : ` (${examples} examples)`}`,
    'strategy-curriculum-fraction')));
}

function pretrainingPart(job) {
  const stage = job.latestMetrics?.pretrain_stage;
  return part('Pretraining', 'strategy-pretraining', el('dl', { class: 'facts' },
    Object.entries(job.spec.pretraining).map(([k, v]) => fact(k, typeof v === 'object' ? settingsText(v) : v)),
    stage === undefined ? null : fact('Current stage', stage, 'strategy-pretrain-stage')));
}

function whiteningPart(dataset) {
  return part('Input whitening', 'strategy-whitening', el('dl', { class: 'facts' },
    fact('Whitening', dataset.whiten, 'strategy-whiten'),
    dataset.whitenEpsilon === undefined ? null : fact('Epsilon', dataset.whitenEpsilon)));
}

/** The strategy parts that apply to the job, or null when none does. */
export function strategyPanel(job) {
  const spec = job.spec || {};
  const parts = [
    spec.phases?.length ? phasesPart(job) : null,
    spec.init ? warmStartPart(spec.init) : null,
    spec.earlyStopping ? earlyStoppingPart(job) : null,
    spec.curriculum ? curriculumPart(job) : null,
    spec.pretraining ? pretrainingPart(job) : null,
    spec.dataset?.whiten && spec.dataset.whiten !== 'none' ? whiteningPart(spec.dataset) : null,
  ].filter((p) => p);
  return parts.length ? el('div', { class: 'strategy' }, parts) : null;
}
