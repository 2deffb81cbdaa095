/**
 * Metric points by series name and step, merged from history reads and live events without duplicates.
 * @module charts/series-store
 */

import { toNumber } from '../api.js';

/** Beyond this many points a series is thinned to every other point (its last one kept), so a long live job
 * stays cheap to redraw. */
const MAX_POINTS_PER_SERIES = 6000;

function thinned(points) {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  return new Map(sorted.filter((_, i) => i % 2 === 0 || i === sorted.length - 1));
}

/** Holds `name -> (step -> value)`; a step written twice keeps its latest value. */
export class SeriesStore {
  constructor() {
    this.series = new Map();
  }

  /** Adds one point; returns true when the series is new. */
  add(name, step, rawValue) {
    let points = this.series.get(name);
    const created = !points;
    if (created) {
      points = new Map();
      this.series.set(name, points);
    }
    points.set(Number(step), toNumber(rawValue));
    if (points.size > MAX_POINTS_PER_SERIES) this.series.set(name, thinned(points));
    return created;
  }

  /** Adds every point of `{name, points: [{step, value}]}` series as the metrics endpoint returns them. */
  addSeriesList(seriesList) {
    let created = false;
    for (const series of seriesList) {
      for (const point of series.points) created = this.add(series.name, point.step, point.value) || created;
    }
    return created;
  }

  /** The series names, in the order they first appeared. */
  names() {
    return [...this.series.keys()];
  }

  /** How many points the named series hold together. */
  count(names) {
    return names.reduce((sum, name) => sum + (this.series.get(name)?.size ?? 0), 0);
  }

  /**
   * uPlot data for the named series: the sorted union of their steps, then one value array per series with null
   * where a series has no point (and for non-finite values, or non-positive ones when `positiveOnly`).
   */
  aligned(names, { positiveOnly = false } = {}) {
    const steps = new Set();
    for (const name of names) for (const step of this.series.get(name)?.keys() ?? []) steps.add(step);
    const xs = [...steps].sort((a, b) => a - b);
    const ys = names.map((name) => {
      const points = this.series.get(name) ?? new Map();
      return xs.map((step) => {
        const value = points.get(step);
        const plottable = Number.isFinite(value) && (!positiveOnly || value > 0);
        return plottable ? value : null;
      });
    });
    return [xs, ...ys];
  }
}
