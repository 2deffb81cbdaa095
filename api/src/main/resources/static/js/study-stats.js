/**
 * Pure helpers of the study pages: summary statistics as text, the values a trial sets as text, which summary row
 * a trial belongs to, the searched dimensions of a study's body and the objective against one of them.
 * @module study-stats
 */

import { formatValue } from './format.js';

const DASH = '—';

/** A summary statistic `{mean, sd, n}` as `mean ± sd (n=…)`; the sd left out below two values, a dash at n = 0. */
export function formatStat(stat) {
  if (!stat || !stat.n || stat.mean === null || stat.mean === undefined) return DASH;
  const sd = stat.sd === null || stat.sd === undefined ? '' : ` ± ${formatValue(stat.sd)}`;
  return `${formatValue(stat.mean)}${sd} (n=${stat.n})`;
}

/** The last token of an RFC 6901 pointer, unescaped: `/optimizer/lr` → `lr`. */
export function pointerName(pointer) {
  const tokens = String(pointer).split('/');
  return tokens[tokens.length - 1].replaceAll('~1', '/').replaceAll('~0', '~');
}

function valueText(value) {
  return typeof value === 'number' ? formatValue(value) : JSON.stringify(value);
}

/** The values a trial or summary row sets (`{pointer: value}`) as `lr=0.001, batchSize=16`; a dash when none. */
export function valuesText(values) {
  const entries = Object.entries(values || {});
  return entries.length ? entries.map(([pointer, value]) => `${pointerName(pointer)}=${valueText(value)}`)
    .join(', ') : DASH;
}

/** JSON with object keys sorted, so that equal values give equal text whatever their key order. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The key that a trial shares with its summary row: its arm and the values it sets. */
export const rowKey = ({ arm, values }) => `${arm ?? ''}\u0000${canonical(values || {})}`;

/**
 * The searched dimensions of a study's body, in body order: `{pointer, type, log, choices}` (`log` for loguniform,
 * `choices` the values of a choice dimension, else null).
 */
export function searchDimensions(body) {
  return Object.entries(body?.search?.space ?? {}).map(([pointer, dimension]) => ({
    pointer,
    type: dimension?.type ?? '?',
    log: dimension?.type === 'loguniform',
    choices: dimension?.type === 'choice' && Array.isArray(dimension.values) ? dimension.values : null,
  }));
}

/** A trial's position on a dimension's axis: the number itself, or a choice's index (null when not plottable). */
function axisValue(dimension, raw) {
  if (dimension.choices) {
    const index = dimension.choices.findIndex((choice) => canonical(choice) === canonical(raw));
    return index >= 0 ? index : null;
  }
  const x = typeof raw === 'number' ? raw : Number.NaN;
  return Number.isFinite(x) && (!dimension.log || x > 0) ? x : null;
}

/**
 * uPlot data of the objective against one dimension: `[xs, ys]` sorted by x, one point per trial with a finite
 * final value (`finals`: job id → value).
 */
export function dimensionPoints(trials, finals, dimension) {
  const points = [];
  for (const trial of trials) {
    const x = axisValue(dimension, trial.values?.[dimension.pointer]);
    const y = finals.get(trial.jobId);
    if (x !== null && Number.isFinite(y)) points.push([x, y]);
  }
  points.sort((a, b) => a[0] - b[0]);
  return [points.map((p) => p[0]), points.map((p) => p[1])];
}

/** The colour index of each arm (`null` stands for the base), in the order the trials name them. */
export function armIndexes(trials) {
  const indexes = new Map();
  for (const trial of trials) if (!indexes.has(trial.arm ?? null)) indexes.set(trial.arm ?? null, indexes.size);
  return indexes;
}
