/**
 * The playground (`#/playground`): pick optimizers (editable PyTorch-style specs), a test function and a start;
 * the paths from `POST /api/v1/playground/trajectories` are drawn over the function's contour plot.
 * @module views/playground
 */

import { el, render } from '../dom.js';
import { runTrajectory } from '../api.js';
import { formatValue } from '../format.js';
import { drawContour, drawPath } from '../playground/contour.js';
import { TEST_FUNCTIONS } from '../playground/functions.js';

const PRESETS = [
  { label: 'SGD', spec: { type: 'sgd', lr: 0.001 } },
  { label: 'Momentum', spec: { type: 'sgd', lr: 0.001, momentum: 0.9 } },
  { label: 'Nesterov', spec: { type: 'sgd', lr: 0.001, momentum: 0.9, nesterov: true } },
  { label: 'Adam', spec: { type: 'adam', lr: 0.05 } },
  { label: 'AMSGrad', spec: { type: 'adam', lr: 0.05, amsgrad: true } },
  { label: 'AdamW', spec: { type: 'adamw', lr: 0.05 } },
  { label: 'NAdam', spec: { type: 'nadam', lr: 0.05 } },
  { label: 'RMSprop', spec: { type: 'rmsprop', lr: 0.01 } },
  { label: 'Adagrad', spec: { type: 'adagrad', lr: 0.5 } },
  { label: 'Adadelta', spec: { type: 'adadelta', lr: 1.0 } },
  { label: 'L-BFGS', spec: { type: 'lbfgs', lr: 1 } },
];
const CHECKED_BY_DEFAULT = new Set([1, 3, 7]);
const PATH_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#333333'];
const DEFAULT_STEPS = 200;
const CANVAS_SIZE = { width: 640, height: 480 };

function numberField(id, label, value, step = 'any') {
  const input = el('input', { type: 'number', id, step, value, required: true, 'data-testid': id });
  return { input, field: el('div', { class: 'field' }, el('label', { for: id, text: label }), input) };
}

function optimizerRows() {
  return PRESETS.map(({ label, spec }, i) => {
    const box = el('input', { type: 'checkbox', id: `opt-${i}`, checked: CHECKED_BY_DEFAULT.has(i) });
    const text = el('input', {
      type: 'text', class: 'mono', value: JSON.stringify(spec), 'aria-label': `${label} spec`,
      'data-testid': `optimizer-spec-${i}`,
    });
    const row = el('div', { class: 'check optimizer-row', 'data-testid': `optimizer-${i}` },
      box, el('label', { for: `opt-${i}`, text: label }), text);
    return { label, box, text, row };
  });
}

async function runOne(request, specText) {
  try {
    const trajectory = await runTrajectory({ ...request, optimizer: JSON.parse(specText) });
    return { points: trajectory.points };
  } catch (error) {
    const fields = (error.errors || []).map((e) => `${e.pointer} ${e.message}`).join('; ');
    return { error: fields || error.message };
  }
}

function legendItem(label, spec, result, color, index) {
  const last = result.points?.[result.points.length - 1];
  const summary = result.error ? `error: ${result.error}`
    : `${result.points.length} points, final f = ${formatValue(last?.f)}`;
  return el('li', {
    'data-testid': `trajectory-${index}`, 'data-points': result.points?.length ?? 0,
    class: result.error ? 'error' : null,
  }, el('span', { class: 'swatch', style: `background: ${color}` }), el('strong', { text: label }),
  el('code', { text: spec }), ` ${summary}`);
}

/** The playground's controls, canvas and legend. */
class Playground {
  constructor() {
    this.fnPicker = el('select', { id: 'pg-function', 'data-testid': 'pg-function' },
      Object.entries(TEST_FUNCTIONS).map(([name, fn]) => el('option', { value: name, text: fn.label })));
    this.startX = numberField('pg-start-x', 'Start x', TEST_FUNCTIONS.rosenbrock.start[0]);
    this.startY = numberField('pg-start-y', 'Start y', TEST_FUNCTIONS.rosenbrock.start[1]);
    this.steps = numberField('pg-steps', 'Steps', DEFAULT_STEPS, 1);
    this.rows = optimizerRows();
    this.canvas = el('canvas', {
      ...CANVAS_SIZE, 'data-testid': 'pg-canvas', role: 'img', 'aria-label': 'Contour plot with the paths',
    });
    this.legend = el('ul', { class: 'legend', 'data-testid': 'pg-legend', 'aria-live': 'polite' });
    this.runButton = el('button', { type: 'submit', class: 'button primary', 'data-testid': 'pg-run', text: 'Run' });
    this.fnPicker.addEventListener('change', () => this.reset());
  }

  fn() {
    return TEST_FUNCTIONS[this.fnPicker.value];
  }

  /** The form and the plot. */
  element() {
    return el('div', { class: 'playground' },
      el('form', { class: 'panel', 'data-testid': 'pg-form', onsubmit: (event) => this.run(event) },
        el('div', { class: 'field' }, el('label', { for: 'pg-function', text: 'Function' }), this.fnPicker),
        this.startX.field, this.startY.field, this.steps.field,
        el('fieldset', {}, el('legend', { text: 'Optimizers' }), this.rows.map((r) => r.row)), this.runButton),
      el('div', { class: 'panel' }, this.canvas, this.legend));
  }

  /** A new function: its default start, its contour plot, no paths. */
  reset() {
    [this.startX.input.value, this.startY.input.value] = this.fn().start;
    drawContour(this.canvas, this.fn());
    render(this.legend);
  }

  async run(event) {
    event.preventDefault();
    const request = {
      function: { name: this.fnPicker.value },
      start: [Number(this.startX.input.value), Number(this.startY.input.value)],
      steps: Number(this.steps.input.value),
    };
    const chosen = this.rows.filter((r) => r.box.checked);
    this.runButton.disabled = true;
    const results = await Promise.all(chosen.map((r) => runOne(request, r.text.value)));
    this.runButton.disabled = false;
    drawContour(this.canvas, this.fn());
    render(this.legend, results.map((result, i) => {
      const color = PATH_COLORS[i % PATH_COLORS.length];
      if (result.points) drawPath(this.canvas, this.fn(), result.points, color);
      return legendItem(chosen[i].label, chosen[i].text.value, result, color, i);
    }));
  }
}

/** Mounts the playground into `root`; returns its disposer. */
export function mountPlayground(root) {
  const playground = new Playground();
  render(root, el('h1', { text: 'Optimizer playground' }), playground.element());
  drawContour(playground.canvas, playground.fn());
  return () => {};
}
