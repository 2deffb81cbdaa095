/**
 * Which chart a metric belongs on. Variants of a metric share its chart: the part of the name before `@`
 * (`val_loss@polyak-ema` goes with `val_loss`) decides the group.
 * @module charts/metric-groups
 */

/** The band of healthy update ratios (about 1e-3 per update) shaded on the update-ratio chart. */
export const UPDATE_RATIO_BAND = [1e-4, 1e-2];

/**
 * The charts in display order; `scale` fixes a chart's y axis (`log`) whatever the switch says, `band` shades a
 * y range and `line` draws a reference value (docs/diagnostics.md).
 */
const GROUPS = [
  { key: 'loss', title: 'Loss', test: (base) => base.endsWith('loss') },
  { key: 'accuracy', title: 'Accuracy', test: (base) => base.includes('accuracy') },
  { key: 'mse', title: 'Mean squared error', test: (base) => base.includes('mse') },
  { key: 'grad_norm', title: 'Gradient norm', test: (base) => base === 'grad_norm' },
  { key: 'lr', title: 'Learning rate', test: (base) => base === 'lr' },
  {
    key: 'update_ratio', title: 'Update ratio per layer (‖Δθ‖/‖θ‖)', test: (base) => base.startsWith('update_ratio/'),
    scale: 'log', band: UPDATE_RATIO_BAND,
  },
  {
    key: 'curvature_ratio', title: 'Curvature ratio (½·lr·gᵀHg/‖g‖²; above 1 the step overshoots)',
    test: (base) => base === 'curvature_ratio', line: 1,
  },
  { key: 'layer_grad_norm', title: 'Gradient norm per layer', test: (base) => base.startsWith('grad_norm/') },
  { key: 'dead_fraction', title: 'Dead ReLU fraction', test: (base) => base.startsWith('dead_fraction/') },
  // Greedy pretraining: `pretrain_loss`, `pretrain_val_loss` join the loss chart (the stages' steps come first).
  { key: 'pretrain_stage', title: 'Pretraining stage (1..H)', test: (base) => base === 'pretrain_stage' },
];

/** The metric name without its variant suffix (`val_loss@polyak-ema` → `val_loss`). */
function baseName(name) {
  return name.split('@')[0];
}

/** The chart group of a metric: `{key, title, order, ...}`; unknown metrics get a chart of their own. */
function groupOf(name) {
  const base = baseName(name);
  const index = GROUPS.findIndex((group) => group.test(base));
  if (index < 0) return { key: base, title: base, order: GROUPS.length };
  const { test, ...group } = GROUPS[index];
  return { ...group, order: index };
}

/**
 * Groups metric names into charts, in display order.
 * @param {string[]} names
 * @returns {{key: string, title: string, names: string[], scale?: string, band?: number[], line?: number}[]}
 */
export function groupMetrics(names) {
  const groups = new Map();
  for (const name of names) {
    const group = groupOf(name);
    if (!groups.has(group.key)) groups.set(group.key, { ...group, names: [] });
    groups.get(group.key).names.push(name);
  }
  return [...groups.values()]
    .sort((a, b) => a.order - b.order || a.key.localeCompare(b.key))
    .map(({ order, names: members, ...group }) => ({ ...group, names: members.sort() }));
}
