/**
 * A job's page (`#/jobs/{id}`): header and progress, the strategy panel (phases, warm start, early stopping,
 * curriculum, pretraining, whitening: only those the spec has), live metric charts, checkpoints, timeline and spec,
 * kept live by `/api/v1/jobs/{id}/events` (`job` updates the header, `metric` appends a point, `end` closes the
 * stream).
 * The (downsampled) history is read once for a quick first picture; the stream then delivers the points from its
 * start, and after a reconnection from the browser's `Last-Event-ID`. A point that arrives both ways lands on the
 * same step and is drawn once.
 * @module views/job-page
 */

import { el, render } from '../dom.js';
import { getJob, getMetrics, jobEventsUrl, listCheckpoints } from '../api.js';
import { isActive } from '../format.js';
import { subscribe } from '../live.js';
import { MetricCharts } from '../charts/metric-charts.js';
import { hideProblem, showProblem } from '../widgets.js';
import {
  checkpointTable, failureBox, jobHeader, ruleMarkers, specBlock, timelineList,
} from './job-parts.js';
import { strategyPanel } from './job-strategy.js';

const HISTORY_POINTS = 1000;

function section(title, testId, ...children) {
  return el('section', { class: 'panel', 'data-testid': testId }, el('h2', { text: title }), children);
}

function logToggle(onToggle) {
  const box = el('input', { type: 'checkbox', id: 'log-scale', 'data-testid': 'log-scale' });
  box.addEventListener('change', () => onToggle(box.checked));
  return el('div', { class: 'toolbar' }, box, el('label', { for: 'log-scale', text: 'Logarithmic y axis' }));
}

/** The sections of one job's page and the reads that fill them. */
class JobPage {
  constructor(id) {
    this.id = id;
    this.job = null;
    this.problemBox = el('div', { class: 'problem', role: 'alert', hidden: true, 'data-testid': 'job-error' });
    this.headerBox = el('div', { 'data-testid': 'job-header' });
    this.failureSlot = el('div');
    this.strategyBox = el('div');
    this.strategyPanel = section('Strategy', 'strategy-panel', this.strategyBox);
    this.strategyPanel.hidden = true;
    this.checkpointsBox = el('div');
    this.timelineBox = el('div');
    this.specBox = el('div');
    this.chartsPanel = section('Metrics', 'metrics-panel', logToggle((log) => this.charts.setLog(log)));
    this.charts = new MetricCharts(this.chartsPanel);
  }

  /** Everything the page shows, in order. */
  sections() {
    return [el('p', {}, el('a', { href: '#/', text: '← All jobs' })), this.problemBox, this.headerBox,
      this.failureSlot, this.strategyPanel, this.chartsPanel,
      section('Checkpoints', 'checkpoints-panel', this.checkpointsBox),
      section('Timeline', 'timeline-panel', this.timelineBox), section('Spec', 'spec-panel', this.specBox)];
  }

  /** Runs a read, showing its failure in the problem box. */
  async guarded(read) {
    try {
      await read();
    } catch (error) {
      showProblem(this.problemBox, error);
    }
  }

  /** Shows a job's latest state; re-reads the checkpoints when its status or epoch changed. */
  showJob(job) {
    const previous = this.job;
    this.job = job;
    hideProblem(this.problemBox);
    render(this.headerBox, jobHeader(job, (changed) => this.showJob(changed),
      (error) => showProblem(this.problemBox, error)));
    render(this.failureSlot, failureBox(job));
    const strategy = strategyPanel(job);
    render(this.strategyBox, strategy);
    this.strategyPanel.hidden = !strategy;
    render(this.timelineBox, timelineList(job));
    this.charts.setMarkers(ruleMarkers(job));
    if (!this.specBox.firstChild) render(this.specBox, specBlock(job));
    if (!previous || previous.status !== job.status || previous.progress?.epoch !== job.progress?.epoch) {
      this.loadCheckpoints();
    }
  }

  loadJob() {
    return this.guarded(async () => this.showJob(await getJob(this.id)));
  }

  loadMetrics() {
    return this.guarded(async () => {
      this.charts.addSeriesList(await getMetrics(this.id, { maxPoints: HISTORY_POINTS }));
    });
  }

  loadCheckpoints() {
    return this.guarded(async () => render(this.checkpointsBox,
      checkpointTable(this.id, await listCheckpoints(this.id))));
  }

  /** True once the job can no longer change. */
  finished() {
    return this.job !== null && !isActive(this.job.status);
  }
}

/** Mounts the page of job `route.id` into `root`; returns its disposer. */
export function mountJobPage(root, route) {
  const page = new JobPage(route.id);
  render(root, page.sections());
  const stream = subscribe(jobEventsUrl(route.id), {
    job: (job) => page.showJob(job),
    metric: (point) => page.charts.addPoint(point),
    end: () => {
      stream.close();
      page.loadJob();
      page.loadMetrics();
    },
  }, async () => {
    await Promise.all([page.loadJob(), page.loadMetrics()]);
    if (page.finished()) stream.close();
  });
  page.loadJob();
  page.loadMetrics();
  return () => {
    stream.close();
    page.charts.destroy();
  };
}
