/**
 * One line chart (uPlot, served from the app's WebJar as the global `uPlot`) inside a captioned figure.
 * The figure's `data-points` attribute counts the plotted points, for tests and for the curious. Rule firings
 * (`markers`) are drawn over the plot as dashed vertical lines whose tooltip names the rule.
 * @module charts/line-chart
 */

import { el } from '../dom.js';

/** Okabe–Ito colours: distinguishable with colour-vision deficiencies, readable on white. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#333333'];
const HEIGHT_PX = 240;
const MIN_WIDTH_PX = 280;
const VARIANT_DASH = [6, 4];
const LOG_BASE = 10;
const EMPTY_LOG_RANGE = [1, LOG_BASE];
const MAX_LOG_DECADES = 12;
const PLAIN_TICK_RANGE = [1e-3, 1e5];
const TICK_DIGITS = 4;

/** A y tick: plain between 0.001 and 100000, else in exponent notation (`1e-5`), never rounded to `0`. */
function tickLabel(value) {
  if (value === null || value === undefined) return '';
  const size = Math.abs(value);
  const rounded = Number(value.toPrecision(TICK_DIGITS));
  const plain = value === 0 || (size >= PLAIN_TICK_RANGE[0] && size < PLAIN_TICK_RANGE[1]);
  return plain ? String(rounded) : rounded.toExponential();
}

const LOG_LIMITS = [1e-15, 1e15];
const PLOT_LIMIT = LOG_LIMITS[1];

/** Caps a value at ±{@link PLOT_LIMIT}, beyond which uPlot draws no ticks: a diverging loss ends at the top. */
function capped(value) {
  return value === null ? null : Math.max(-PLOT_LIMIT, Math.min(PLOT_LIMIT, value));
}

/**
 * The y range on a log axis: whole decades around the data, within {@link LOG_LIMITS} and at most
 * {@link MAX_LOG_DECADES} below the maximum (values outside, such as a loss that underflowed to 1e-300, lie off the
 * plot); one decade when nothing positive is left. uPlot's log ticks never end on a range that starts at 0, and
 * its tick arithmetic breaks beyond 1e±16.
 */
function logRange(u, min, max) {
  const high = Math.min(max, LOG_LIMITS[1]);
  const low = Math.max(min, high / LOG_BASE ** MAX_LOG_DECADES, LOG_LIMITS[0]);
  return low > 0 && high >= low ? window.uPlot.rangeLog(low, high, LOG_BASE, true) : EMPTY_LOG_RANGE;
}

/** A y range that also takes in `marks` (a band's ends, a reference line), so that they are always on the plot. */
function rangeWith(marks, log) {
  return (u, min, max) => {
    const low = Math.min(min ?? marks[0], ...marks);
    const high = Math.max(max ?? marks[0], ...marks);
    return log ? logRange(u, low, high) : window.uPlot.rangeNum(low, high, 0.1, true);
  };
}

/** A uPlot hook that shades the y range `band` (behind the lines) and one that draws a dashed line at `line`. */
function markHooks(band, line) {
  const hooks = {};
  const yAt = (u, value) => u.valToPos(value, 'y', true);
  if (band) {
    hooks.drawClear = [(u) => {
      const top = yAt(u, band[1]);
      u.ctx.save();
      u.ctx.fillStyle = 'rgba(0, 158, 115, 0.12)';
      u.ctx.fillRect(u.bbox.left, top, u.bbox.width, yAt(u, band[0]) - top);
      u.ctx.restore();
    }];
  }
  if (line !== undefined) {
    hooks.draw = [(u) => {
      const y = yAt(u, line);
      u.ctx.save();
      u.ctx.strokeStyle = '#D55E00';
      u.ctx.setLineDash(VARIANT_DASH);
      u.ctx.beginPath();
      u.ctx.moveTo(u.bbox.left, y);
      u.ctx.lineTo(u.bbox.left + u.bbox.width, y);
      u.ctx.stroke();
      u.ctx.restore();
    }];
  }
  return hooks;
}

const PAD_FRACTION = 0.05;
const SINGLE_VALUE_LOG_PAD = 2;

/**
 * An x range a little wider than the data (uPlot otherwise ends the axis on the first and last x, half-hiding the
 * points there and, with repeated x values, dropping the repeats at the right end).
 */
function paddedRange(u, min, max) {
  if (min === null || max === null) return [0, 1];
  const span = max - min || Math.abs(max) || 1;
  return [min - span * PAD_FRACTION, max + span * PAD_FRACTION];
}

/** {@link paddedRange} on a log axis: the same fraction of the decades spanned. */
function paddedLogRange(u, min, max) {
  if (!(min > 0) || !(max > 0)) return EMPTY_LOG_RANGE;
  const pad = max > min ? (max / min) ** PAD_FRACTION : SINGLE_VALUE_LOG_PAD;
  return [min / pad, max * pad];
}

function seriesOptions(label, index) {
  return {
    label,
    stroke: PALETTE[index % PALETTE.length],
    width: 1.5,
    spanGaps: true,
    dash: label.includes('@') ? VARIANT_DASH : undefined,
  };
}

/** Draws `chart.markers` (`{step, label}`) as vertical lines over the plot, each with its label as tooltip. */
function drawMarkers(chart, u) {
  u.over.querySelectorAll('.rule-marker').forEach((m) => m.remove());
  for (const { step, label } of chart.markers) {
    const left = u.valToPos(step, 'x');
    if (!Number.isFinite(left) || left < 0 || left > u.over.clientWidth) continue;
    const marker = el('div', { class: 'rule-marker', 'data-testid': 'rule-marker', title: label });
    marker.style.left = `${left}px`; // through the CSSOM: the content security policy refuses style attributes
    u.over.append(marker);
  }
}

/** The band and line hooks plus the rule markers' draw hook (uPlot runs every hook of a list). */
function withMarkers(hooks, draw) {
  return { ...hooks, draw: [...(hooks.draw ?? []), draw] };
}

function countPoints(data) {
  return data.slice(1).reduce((sum, ys) => sum + ys.filter((y) => y !== null).length, 0);
}

/** A uPlot chart that rebuilds itself when its series or its scale change and only redraws otherwise. */
export class LineChart {
  /**
   * @param {HTMLElement} container where the figure goes
   * @param {{title: string, testId: string, xLabel?: string, logX?: boolean, band?: number[], line?: number,
   *   padX?: boolean, styleOf?: function(string, number): Object, maxLegend?: number}} options
   *   `logX`: a logarithmic x axis; `band`: a y range to shade; `line`: a y value to mark with a dashed line;
   *   `padX`: an x range a little wider than the data; `styleOf(label, index)`: uPlot series options that replace
   *   the defaults (colour, width, points only); `maxLegend`: no legend beyond this many series
   */
  constructor(container, { title, testId, xLabel = 'iteration', logX = false, band, line, padX = false,
    styleOf = () => ({}), maxLegend = Infinity }) {
    this.plotBox = el('div', { class: 'plot' });
    this.figure = el('figure', { class: 'chart', 'data-testid': testId, 'data-points': 0, 'data-log-x': logX },
      el('figcaption', { text: title }), this.plotBox);
    this.band = band;
    this.line = line;
    if (band) this.figure.dataset.band = band.join(',');
    if (line !== undefined) this.figure.dataset.line = String(line);
    container.append(this.figure);
    this.xLabel = xLabel;
    this.styleOf = styleOf;
    this.maxLegend = maxLegend;
    this.xScale = logX ? { time: false, distr: 3, log: LOG_BASE } : { time: false };
    if (padX) this.xScale.range = logX ? paddedLogRange : paddedRange;
    this.labels = [];
    this.log = false;
    this.markers = [];
    this.plot = null;
    this.resizer = new ResizeObserver(() => this.plot?.setSize({ width: this.width(), height: HEIGHT_PX }));
    this.resizer.observe(this.plotBox);
  }

  width() {
    return Math.max(MIN_WIDTH_PX, this.plotBox.clientWidth);
  }

  /**
   * Shows `data` (`[steps, ...values per label]`), on a log-scaled y axis when `log`.
   * @param {string[]} labels
   * @param {Array<number[]>} data
   * @param {boolean} log
   */
  update(labels, data, log) {
    const sameSeries = labels.length === this.labels.length && labels.every((l, i) => l === this.labels[i]);
    const plotted = [data[0], ...data.slice(1).map((ys) => ys.map(capped))];
    if (this.plot && sameSeries && log === this.log) this.plot.setData(plotted); // redraws, markers included
    else this.rebuild(labels, plotted, log);
    this.figure.dataset.points = countPoints(data);
  }

  rebuild(labels, data, log) {
    if (this.plot) this.plot.destroy();
    this.labels = [...labels];
    this.log = log;
    this.figure.dataset.scale = log ? 'log' : 'linear';
    const marks = [...(this.band ?? []), ...(this.line === undefined ? [] : [this.line])];
    const y = log ? { distr: 3, log: LOG_BASE, range: logRange } : {};
    if (marks.length > 0) y.range = rangeWith(marks, log);
    const options = {
      width: this.width(),
      height: HEIGHT_PX,
      scales: { x: this.xScale, y },
      axes: [{ label: this.xLabel, values: (u, splits) => splits.map(tickLabel) },
        { size: 70, values: (u, splits) => splits.map(tickLabel) }],
      series: [{ label: this.xLabel }, ...labels.map((l, i) => ({ ...seriesOptions(l, i), ...this.styleOf(l, i) }))],
      legend: { show: labels.length <= this.maxLegend },
      hooks: withMarkers(markHooks(this.band, this.line), (u) => drawMarkers(this, u)),
    };
    this.plot = new window.uPlot(options, data, this.plotBox);
  }

  /** Removes the chart and its figure. */
  destroy() {
    this.resizer.disconnect();
    if (this.plot) this.plot.destroy();
    this.figure.remove();
  }
}
