/**
 * Display formatting of numbers, durations, sizes and job facts.
 * @module format
 */

import { toNumber } from './api.js';

const DASH = '—';
const SIGNIFICANT_DIGITS = 4;

/** A metric value with four significant digits; NaN and infinities spelled out. */
export function formatValue(raw) {
  const value = toNumber(raw);
  if (value === null || value === undefined) return DASH;
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e5)) {
    return value.toExponential(SIGNIFICANT_DIGITS - 1);
  }
  return Number(value.toPrecision(SIGNIFICANT_DIGITS)).toString();
}

/** Seconds as "1h 02m", "3m 05s" or "42s". */
export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return DASH;
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n) => String(n).padStart(2, '0');
  if (h > 0) return `${h}h ${pad(m)}m`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
}

/** Bytes as "12.3 kB". */
export function formatBytes(bytes) {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = Number(bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** An ISO instant in the reader's locale. */
export function formatInstant(iso) {
  return iso ? new Date(iso).toLocaleString() : DASH;
}

/** Seconds the job has run: start to finish, or start to now while it runs. */
export function elapsedSeconds(job, now = Date.now()) {
  if (!job.startedAt) return null;
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now;
  return (end - Date.parse(job.startedAt)) / 1000;
}

/** True while a job can still change. */
export function isActive(status) {
  return status === 'WAITING' || status === 'QUEUED' || status === 'RUNNING' || status === 'CANCELLING'
    || status === 'PAUSING';
}

/** The most telling current loss of a job: per-iteration `loss`, else `train_loss`. */
export function currentLoss(job) {
  const latest = job.latestMetrics || {};
  return latest.loss ?? latest.train_loss ?? null;
}

/** The optimizer type of a job's spec ("adam"); a phased job's, phase by phase ("adam → sgd"). */
export function optimizerOf(job) {
  const phases = job.spec?.phases;
  if (!job.spec?.optimizer && Array.isArray(phases) && phases.length) {
    return phases.map((phase) => phase.optimizer?.type ?? DASH).join(' → ');
  }
  return job.spec?.optimizer?.type ?? DASH;
}

/** The dataset name of a job's spec ("iris"). */
export function datasetOf(job) {
  return job.spec?.dataset?.name ?? DASH;
}
