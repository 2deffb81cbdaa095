/**
 * A job's page (`#/jobs/{id}`): header and progress, live metric charts, checkpoints, timeline and spec, kept live
 * by `/api/v1/jobs/{id}/events` (`job` updates the header, `metric` appends a point, `end` closes the stream).
 * The metric history is read each time the stream (re)opens, so no point written before the stream's start is
 * missed; points that arrive twice land on the same step and are drawn once.
 * @module views/job-page
 */

import { el, render } from '../dom.js';
import { getJob, getMetrics, jobEventsUrl, listCheckpoints } from '../api.js';
import { isActive } from '../format.js';
import { subscribe } from '../live.js';
import { MetricCharts } from '../charts/metric-charts.js';
import { hideProblem, showProblem } from '../widgets.js';
import { checkpointTable, failureBox, jobHeader, specBlock, timelineList } from './job-parts.js';

const HISTORY_POINTS = 1000;

function section(title, testId, ...children) {
  return el('section', { class: 'panel', 'data-testid': testId }, el('h2', { text: title }), children);
}

function logToggle(onToggle) {
  const box = el('input', { type: 'checkbox', id: 'log-scale', 'data-testid': 'log-scale' });
  box.addEventListener('change', () => onToggle(box.checked));
  return el('div', { class: 'toolbar' }, box, el('label', { for: 'log-scale', text: 'Logarithmic y axis' }));
}

/** Mounts the page of job `route.id` into `root`; returns its disposer. */
export function mountJobPage(root, route) {
  const id = route.id;
  const problemBox = el('div', { class: 'problem', role: 'alert', hidden: true, 'data-testid': 'job-error' });
  const headerBox = el('div', { 'data-testid': 'job-header' });
  const failureSlot = el('div');
  const checkpointsBox = el('div');
  const timelineBox = el('div');
  const specBox = el('div');
  const chartsPanel = section('Metrics', 'metrics-panel');
  let job = null;
  let stream = null;

  const onError = (error) => showProblem(problemBox, error);
  const guarded = (load) => async () => {
    try {
      await load();
    } catch (error) {
      onError(error);
    }
  };
  const loadCheckpoints = guarded(async () => render(checkpointsBox, checkpointTable(id, await listCheckpoints(id))));
  const showJob = (next) => {
    const refreshCheckpoints = !job || job.status !== next.status || job.progress?.epoch !== next.progress?.epoch;
    job = next;
    hideProblem(problemBox);
    render(headerBox, jobHeader(job, showJob, onError));
    render(failureSlot, failureBox(job));
    render(timelineBox, timelineList(job));
    if (!specBox.firstChild) render(specBox, specBlock(job));
    if (refreshCheckpoints) loadCheckpoints();
  };
  const loadJob = guarded(async () => showJob(await getJob(id)));
  const charts = new MetricCharts(chartsPanel);
  const loadMetrics = guarded(async () => charts.addSeriesList(await getMetrics(id, { maxPoints: HISTORY_POINTS })));
  const poll = async () => {
    await Promise.all([loadJob(), loadMetrics()]);
    if (job && !isActive(job.status)) stream.close();
  };

  chartsPanel.insertBefore(logToggle((log) => charts.setLog(log)), chartsPanel.children[1]);
  render(root,
    el('p', {}, el('a', { href: '#/', text: '← All jobs' })), problemBox, headerBox, failureSlot, chartsPanel,
    section('Checkpoints', 'checkpoints-panel', checkpointsBox),
    section('Timeline', 'timeline-panel', timelineBox),
    section('Spec', 'spec-panel', specBox));
  stream = subscribe(jobEventsUrl(id), {
    open: loadMetrics,
    job: showJob,
    metric: (point) => charts.addPoint(point),
    end: () => {
      stream.close();
      loadJob();
      loadMetrics();
    },
  }, poll);
  loadJob();
  loadMetrics();
  return () => {
    stream.close();
    charts.destroy();
  };
}
