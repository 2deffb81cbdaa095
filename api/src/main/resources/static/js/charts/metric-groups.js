/**
 * Which chart a metric belongs on. Variants of a metric share its chart: the part of the name before `@`
 * (`val_loss@polyak-ema` goes with `val_loss`) decides the group.
 * @module charts/metric-groups
 */

const GROUPS = [
  { key: 'loss', title: 'Loss', test: (base) => base.endsWith('loss') },
  { key: 'accuracy', title: 'Accuracy', test: (base) => base.includes('accuracy') },
  { key: 'mse', title: 'Mean squared error', test: (base) => base.includes('mse') },
  { key: 'grad_norm', title: 'Gradient norm', test: (base) => base === 'grad_norm' },
  { key: 'lr', title: 'Learning rate', test: (base) => base === 'lr' },
];

/** The metric name without its variant suffix (`val_loss@polyak-ema` → `val_loss`). */
function baseName(name) {
  return name.split('@')[0];
}

/** The chart group of a metric: `{key, title, order}`; unknown metrics get a chart of their own. */
function groupOf(name) {
  const base = baseName(name);
  const index = GROUPS.findIndex((group) => group.test(base));
  if (index < 0) return { key: base, title: base, order: GROUPS.length };
  return { key: GROUPS[index].key, title: GROUPS[index].title, order: index };
}

/**
 * Groups metric names into charts, in display order.
 * @param {string[]} names
 * @returns {{key: string, title: string, names: string[]}[]}
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
    .map(({ key, title, names: members }) => ({ key, title, names: members.sort() }));
}
