/**
 * The charts of one job: one {@link LineChart} per metric group, fed from a {@link SeriesStore} and redrawn at
 * most once per animation frame however fast points arrive.
 * @module charts/metric-charts
 */

import { el } from '../dom.js';
import { LineChart } from './line-chart.js';
import { groupMetrics } from './metric-groups.js';
import { SeriesStore } from './series-store.js';

/** Live charts of a job's metrics, grouped by {@link groupMetrics}, with a log-scale switch. */
export class MetricCharts {
  /** @param {HTMLElement} container */
  constructor(container) {
    this.store = new SeriesStore();
    this.charts = new Map();
    this.log = false;
    this.markers = [];
    this.pending = false;
    this.grid = el('div', { class: 'chart-grid', 'data-testid': 'charts' });
    this.empty = el('p', { class: 'muted', 'data-testid': 'charts-empty', text: 'No metrics yet.' });
    container.append(this.empty, this.grid);
  }

  /** Adds one live point `{name, step, value}`. */
  addPoint(point) {
    this.store.add(point.name, point.step, point.value);
    this.scheduleRedraw();
  }

  /** Adds a history read (the metrics endpoint's `series`). */
  addSeriesList(seriesList) {
    this.store.addSeriesList(seriesList);
    this.scheduleRedraw();
  }

  /** Sets the rule firings drawn on every chart: `{step, label}`, a dashed vertical line with the label as tooltip. */
  setMarkers(markers) {
    if (JSON.stringify(markers) === JSON.stringify(this.markers)) return;
    this.markers = markers;
    this.scheduleRedraw();
  }

  /** Switches every chart's y axis between linear and logarithmic. */
  setLog(log) {
    this.log = log;
    this.scheduleRedraw();
  }

  scheduleRedraw() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.redraw();
    });
  }

  redraw() {
    const groups = groupMetrics(this.store.names());
    this.empty.hidden = groups.length > 0;
    groups.forEach((group, index) => {
      const chart = this.chartFor(group);
      const slot = this.grid.children[index];
      if (slot !== chart.figure) this.grid.insertBefore(chart.figure, slot ?? null);
      chart.markers = this.markers;
      const log = group.scale ? group.scale === 'log' : this.log;
      chart.update(group.names, this.store.aligned(group.names, { positiveOnly: log }), log);
    });
    this.redrawRangeTest();
  }

  /**
   * A learning-rate range test's curve: the smoothed loss against the rate on a log x axis, once the job has both
   * series (the rate grows every step, so sorting by step sorts by rate); after the per-metric charts.
   */
  redrawRangeTest() {
    const names = this.store.names();
    if (!names.includes('lr') || !names.includes('smoothed_loss')) return;
    if (!this.rangeChart) {
      this.rangeChart = new LineChart(this.grid, { title: 'Range test: smoothed loss against learning rate',
        testId: 'chart-lr-range-test', xLabel: 'learning rate', logX: true });
    }
    const [, lrs, losses] = this.store.aligned(['lr', 'smoothed_loss']);
    const keep = lrs.map((lr, i) => lr !== null && lr > 0 && losses[i] !== null);
    this.rangeChart.update(['smoothed_loss'], [lrs.filter((_, i) => keep[i]), losses.filter((_, i) => keep[i])],
      this.log);
  }

  chartFor(group) {
    if (!this.charts.has(group.key)) {
      this.charts.set(group.key, new LineChart(this.grid,
        { title: group.title, testId: `chart-${group.key}`, band: group.band, line: group.line }));
    }
    return this.charts.get(group.key);
  }

  /** Destroys every chart. */
  destroy() {
    for (const chart of this.charts.values()) chart.destroy();
    this.charts.clear();
    this.rangeChart?.destroy();
    this.rangeChart = null;
  }
}
