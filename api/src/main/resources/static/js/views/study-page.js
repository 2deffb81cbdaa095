/**
 * A study's page (`#/studies/{id}`): header, summary table, the objective of every trial overlaid, the objective
 * against each searched dimension, the trials, and a PBT study's lineage (from the study). Read again every
 * {@link POLL_MS} ms while anything can change;
 * a trial's objective series is read again while its job runs and once after it ended.
 * @module views/study-page
 */

import { el, render } from '../dom.js';
import { getMetrics, getStudy } from '../api.js';
import { isActive } from '../format.js';
import { StudyCharts } from '../charts/study-charts.js';
import { hideProblem, showProblem } from '../widgets.js';
import { isPbt, lineageTable, studyHeader, summaryTable, trialsTable } from './study-parts.js';

const POLL_MS = 2000;
const POINTS_PER_TRIAL = 1000;
const PARALLEL_READS = 6;

function section(title, testId, ...children) {
  return el('section', { class: 'panel', 'data-testid': testId }, el('h2', { text: title }), children);
}

/** The sections of one study's page and the reads that fill them. */
class StudyPage {
  constructor(id) {
    this.id = id;
    this.study = null;
    this.read = new Map(); // job id → the status its series was last read in
    this.problemBox = el('div', { class: 'problem', role: 'alert', hidden: true, 'data-testid': 'study-error' });
    this.headerBox = el('div', { 'data-testid': 'study-header' });
    this.summaryBox = el('div');
    this.trialsBox = el('div');
    this.lineageBox = el('div');
    this.lineagePanel = section('PBT lineage', 'study-lineage-panel', this.lineageBox);
    this.lineagePanel.hidden = true;
    this.chartsPanel = section('Objective', 'study-charts-panel');
    this.charts = new StudyCharts(this.chartsPanel);
  }

  sections() {
    return [el('p', {}, el('a', { href: '#/studies', text: '← All studies' })), this.problemBox, this.headerBox,
      section('Summary', 'study-summary-panel', this.summaryBox), this.chartsPanel,
      section('Trials', 'study-trials-panel', this.trialsBox), this.lineagePanel];
  }

  /** True once neither the study nor any of its trials can change and every series was read after its end. */
  settled() {
    if (!this.study || this.study.status === 'RUNNING') return false;
    return (this.study.trials || []).every((t) => !isActive(t.status) && this.read.get(t.jobId) === t.status);
  }

  show(study) {
    this.study = study;
    hideProblem(this.problemBox);
    render(this.headerBox, studyHeader(study, (changed) => this.show({ ...study, ...changed }),
      (error) => showProblem(this.problemBox, error)));
    render(this.summaryBox, summaryTable(study));
    this.charts.redraw(study);
    render(this.trialsBox, trialsTable(study, this.charts.finalsOf(study)));
    this.lineagePanel.hidden = !isPbt(study);
    if (isPbt(study)) render(this.lineageBox, lineageTable(study.lineage));
  }

  /** A trial's series is due once it started, while it runs, and once more after its status changed. */
  due(trial) {
    if (trial.status === 'WAITING' || trial.status === 'QUEUED') return false;
    return isActive(trial.status) || this.read.get(trial.jobId) !== trial.status;
  }

  /** Reads the objective series of the trials due, {@link PARALLEL_READS} at a time. */
  async readSeries(study) {
    const names = [study.objective?.metric ?? 'val_loss'];
    const due = (study.trials || []).filter((t) => this.due(t));
    for (let start = 0; start < due.length; start += PARALLEL_READS) {
      await Promise.all(due.slice(start, start + PARALLEL_READS).map(async (trial) => {
        this.charts.addTrialSeries(trial.jobId, await getMetrics(trial.jobId, { names, maxPoints: POINTS_PER_TRIAL }));
        this.read.set(trial.jobId, trial.status);
      }));
    }
  }

  /** Reads the study and the series due, then shows everything. */
  async refresh() {
    try {
      const study = await getStudy(this.id);
      await this.readSeries(study);
      this.show(study);
    } catch (error) {
      showProblem(this.problemBox, error);
    }
  }
}

/** Mounts the page of study `route.id` into `root`; returns its disposer. */
export function mountStudyPage(root, route) {
  const page = new StudyPage(route.id);
  render(root, page.sections());
  let timer = null;
  let disposed = false;
  const tick = async () => {
    await page.refresh();
    if (!disposed && !page.settled()) timer = setTimeout(tick, POLL_MS);
  };
  tick();
  return () => {
    disposed = true;
    clearTimeout(timer);
    page.charts.destroy();
  };
}
