/**
 * The compare view (`#/compare?ids=a,b&metric=loss`): pick several jobs and overlay one metric of each on one
 * chart, e.g. the same model trained with different optimizers.
 * @module views/compare
 */

import { el, render } from '../dom.js';
import { getJob, getMetrics, listJobs } from '../api.js';
import { datasetOf, optimizerOf } from '../format.js';
import { hrefOf } from '../router.js';
import { LineChart } from '../charts/line-chart.js';
import { SeriesStore } from '../charts/series-store.js';
import { showProblem } from '../widgets.js';

const STANDARD_METRICS = ['loss', 'train_loss', 'val_loss', 'train_accuracy', 'val_accuracy', 'val_mse',
  'grad_norm', 'lr'];
const CANDIDATE_JOBS = 100;
const POINTS_PER_JOB = 1000;

const labelOf = (job) => `${job.name} · ${optimizerOf(job)} · ${job.id.slice(0, 8)}`;

function jobPicker(jobs, selected) {
  return el('fieldset', { class: 'job-picker', 'data-testid': 'compare-jobs' },
    el('legend', { text: 'Jobs' }),
    jobs.map((job) => el('div', { class: 'check' },
      el('input', {
        type: 'checkbox', id: `pick-${job.id}`, value: job.id, checked: selected.has(job.id),
        'data-testid': `compare-pick-${job.id}`,
      }),
      el('label', { for: `pick-${job.id}`, text: `${labelOf(job)} · ${datasetOf(job)} · ${job.status}` }))));
}

function metricPicker(jobs, metric) {
  const names = new Set(STANDARD_METRICS);
  for (const job of jobs) Object.keys(job.latestMetrics || {}).forEach((name) => names.add(name));
  return el('select', { id: 'compare-metric', 'data-testid': 'compare-metric' },
    [...names].map((name) => el('option', { value: name, text: name, selected: name === metric })));
}

async function drawComparison(chartBox, jobs, metric, log) {
  const store = new SeriesStore();
  const labels = jobs.map(labelOf);
  const answers = await Promise.all(
    jobs.map((job) => getMetrics(job.id, { names: [metric], maxPoints: POINTS_PER_JOB })));
  answers.forEach((seriesList, index) => {
    for (const series of seriesList) series.points.forEach((p) => store.add(labels[index], p.step, p.value));
  });
  render(chartBox);
  const chart = new LineChart(chartBox, { title: metric, testId: 'compare-chart' });
  chart.update(labels, store.aligned(labels, { positiveOnly: log }), log);
  return chart;
}

/** Fills `form` with the job picker, metric, scale and submit button; submitting updates the location hash. */
function fillForm(form, jobs, { selected, metric, log }) {
  const logBox = el('input', { type: 'checkbox', id: 'compare-log', checked: log, 'data-testid': 'compare-log' });
  const metricBox = metricPicker(jobs, metric);
  render(form, jobPicker(jobs, selected),
    el('div', { class: 'toolbar' },
      el('label', { for: 'compare-metric', text: 'Metric' }), metricBox,
      logBox, el('label', { for: 'compare-log', text: 'Logarithmic y axis' }),
      el('button', { type: 'submit', class: 'button primary', 'data-testid': 'compare-run', text: 'Compare' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const ids = [...form.querySelectorAll('fieldset input:checked')].map((box) => box.value).join(',');
    location.hash = hrefOf('/compare', { ids, metric: metricBox.value, log: logBox.checked });
  });
}

/** Mounts the compare view into `root`; returns its disposer. */
export function mountCompare(root, route) {
  const choice = {
    selected: new Set((route.query.get('ids') || '').split(',').filter(Boolean)),
    metric: route.query.get('metric') || 'loss',
    log: route.query.get('log') === 'true',
  };
  const problemBox = el('div', { class: 'problem', role: 'alert', hidden: true, 'data-testid': 'compare-error' });
  const form = el('form', { class: 'compare-form', 'data-testid': 'compare-form' });
  const chartBox = el('div', { 'data-testid': 'compare-chart-box' });
  let chart = null;
  render(root, el('h1', { text: 'Compare jobs' }), problemBox, form, chartBox);

  listJobs({ size: CANDIDATE_JOBS }).then(async ({ data }) => {
    const recent = new Map(data.items.map((job) => [job.id, job]));
    const picked = await Promise.all([...choice.selected].map((id) => recent.get(id) ?? getJob(id)));
    fillForm(form, [...new Set([...picked, ...data.items])], choice);
    if (picked.length) chart = await drawComparison(chartBox, picked, choice.metric, choice.log);
  }).catch((error) => showProblem(problemBox, error));
  return () => chart?.destroy();
}
