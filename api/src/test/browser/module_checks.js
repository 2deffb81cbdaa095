// Runs inside the dashboard page (Playwright's page.evaluate): imports the pure modules as the app serves them and
// resolves to what they compute, for dashboard-test.cjs to compare with its expectations.
Promise.all(['json-locate', 'charts/metric-groups', 'charts/series-store', 'router', 'format']
    .map((name) => import(`/js/${name}.js`)))
  .then(([{ locatePointer }, { groupMetrics }, { SeriesStore }, { parseHash }, { formatDuration, formatValue }]) => {
    const text = JSON.stringify({ model: { layers: [{ units: 4 }, { units: 3 }] }, epochs: 2 }, null, 2);
    const span = (pointer) => { const s = locatePointer(text, pointer); return s && text.slice(s[0], s[1]); };
    const routeOf = (hash) => {
      const { name, id, query } = parseHash(hash);
      return { name, id, query: String(query) };
    };
    const store = new SeriesStore();
    store.add('loss', 2, 0.5);
    store.add('loss', 2, 0.25);
    store.add('loss', 3, 'NaN');
    store.add('val_loss', 1, -1);
    return {
      unitsOfSecondLayer: span('/model/layers/1/units'),
      missingField: span('/model/layers/0/activation'),
      groups: groupMetrics(['lr', 'val_loss@polyak-ema', 'loss', 'val_accuracy']).map((g) => [g.key, g.names]),
      aligned: store.aligned(['loss', 'val_loss'], { positiveOnly: true }),
      route: routeOf('#/jobs/abc?x=1'),
      duration: formatDuration(3725),
      values: [formatValue('NaN'), formatValue(1e-5), formatValue(0.123456)],
    };
  }, (error) => ({ error: String(error) }));
