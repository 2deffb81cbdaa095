/**
 * The charts of a study: the objective of every trial over its steps on one chart (one colour per arm, every seed a
 * thin line of its arm's colour) and, for a search, the trials' final objective against each searched dimension
 * (points only; a log x axis for a loguniform dimension, a choice's index for a choice).
 * @module charts/study-charts
 */

import { el } from '../dom.js';
import { LineChart, PALETTE } from './line-chart.js';
import { SeriesStore } from './series-store.js';
import { armIndexes, dimensionPoints, pointerName, rowKey, searchDimensions } from '../study-stats.js';

const TRIAL_LINE_WIDTH = 1;
const POINT_SIZE_PX = 7;
/** Beyond this many trials the overlay has no legend (the arm colours and the trials table say which is which). */
const MAX_LEGEND = 40;

/** A trial's series label: arm, search point and seed (never with `@`, which would dash the line). */
export function trialLabel(trial, row) {
  const point = row?.point === null || row?.point === undefined ? '' : ` · p${row.point}`;
  return `#${trial.trial} ${trial.arm ?? 'base'}${point} · seed ${trial.seed}`;
}

function dimensionTitle(dimension, metric) {
  const axis = dimension.choices ? 'choice index' : dimension.type;
  return `Final ${metric} against ${dimension.pointer} (${axis})`;
}

/** The overlay chart and one chart per searched dimension, redrawn from the trials' objective series. */
export class StudyCharts {
  /** @param {HTMLElement} container */
  constructor(container) {
    this.store = new SeriesStore();
    this.grid = el('div', { class: 'chart-grid', 'data-testid': 'study-charts' });
    container.append(this.grid);
    this.overlay = null;
    this.dimensionCharts = [];
    this.colours = new Map();
  }

  /** Adds a trial's objective series (the metrics endpoint's `series`), kept under its job's id. */
  addTrialSeries(jobId, seriesList) {
    for (const series of seriesList) series.points.forEach((p) => this.store.add(jobId, p.step, p.value));
  }

  /** The final (last finite) objective value of each trial that has one: job id → value. */
  finalsOf(study) {
    const finals = new Map();
    for (const { jobId } of study.trials || []) {
      const ys = this.store.aligned([jobId])[1].filter((y) => y !== null);
      if (ys.length) finals.set(jobId, ys[ys.length - 1]);
    }
    return finals;
  }

  /** Redraws every chart for the study's trials (in trial order) and summary rows. */
  redraw(study) {
    const trials = study.trials || [];
    const rows = new Map((study.summary || []).map((row) => [rowKey(row), row]));
    const labels = trials.map((trial) => trialLabel(trial, rows.get(rowKey(trial))));
    const arms = armIndexes(trials);
    labels.forEach((label, i) => this.colours.set(label, PALETTE[arms.get(trials[i].arm ?? null) % PALETTE.length]));
    const metric = study.objective?.metric ?? 'objective';
    if (!this.overlay) {
      this.overlay = new LineChart(this.grid, { title: `${metric} of every trial`, testId: 'study-overlay',
        xLabel: 'step', maxLegend: MAX_LEGEND,
        styleOf: (label) => ({ stroke: this.colours.get(label), width: TRIAL_LINE_WIDTH }) });
    }
    this.overlay.update(labels, this.store.aligned(trials.map((t) => t.jobId)), false);
    this.redrawDimensions(study, trials, this.finalsOf(study), metric);
  }

  redrawDimensions(study, trials, finals, metric) {
    searchDimensions(study.body).forEach((dimension, index) => {
      if (!this.dimensionCharts[index]) {
        this.dimensionCharts[index] = new LineChart(this.grid, {
          title: dimensionTitle(dimension, metric), testId: `study-dimension-${index}`,
          xLabel: pointerName(dimension.pointer), logX: dimension.log, padX: true,
          styleOf: () => ({ paths: () => null, points: { show: true, size: POINT_SIZE_PX } }),
        });
        this.dimensionCharts[index].figure.dataset.pointer = dimension.pointer;
      }
      this.dimensionCharts[index].update([`final ${metric}`], dimensionPoints(trials, finals, dimension), false);
    });
  }

  /** Destroys every chart. */
  destroy() {
    this.overlay?.destroy();
    this.dimensionCharts.forEach((chart) => chart.destroy());
  }
}
