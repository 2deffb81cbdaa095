// Runs inside the dashboard page (Playwright's page.evaluate): imports the pure modules as the app serves them and
// resolves to what they compute, for dashboard-test.cjs to compare with its expectations.
Promise.all(['json-locate', 'charts/metric-groups', 'charts/series-store', 'router', 'format', 'study-stats']
    .map((name) => import(`/js/${name}.js`)))
  .then(([{ locatePointer }, { groupMetrics }, { SeriesStore }, { parseHash }, { formatDuration, formatValue },
    study]) => {
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
    const dimensions = study.searchDimensions({ search: { space: {
      '/optimizer/lr': { type: 'loguniform', low: 1e-4, high: 0.1 },
      '/batchSize': { type: 'choice', values: [16, 32] } } } });
    const trials = [
      { jobId: 'a', arm: 'adam', values: { '/optimizer/lr': 0.01, '/batchSize': 32 } },
      { jobId: 'b', arm: null, values: { '/batchSize': 16, '/optimizer/lr': 0.001 } },
      { jobId: 'c', arm: 'adam', values: { '/optimizer/lr': -1, '/batchSize': 64 } },
      { jobId: 'd', arm: 'sgd', values: { '/optimizer/lr': 0.1, '/batchSize': 16 } }];
    const finals = new Map([['a', 0.5], ['b', 0.25], ['c', 0.125]]);
    return {
      unitsOfSecondLayer: span('/model/layers/1/units'),
      missingField: span('/model/layers/0/activation'),
      groups: groupMetrics(['lr', 'val_loss@polyak-ema', 'pretrain_stage', 'loss', 'val_accuracy',
        'pretrain_loss']).map((g) => [g.key, g.names]),
      aligned: store.aligned(['loss', 'val_loss'], { positiveOnly: true }),
      route: routeOf('#/jobs/abc?x=1'),
      duration: formatDuration(3725),
      values: [formatValue('NaN'), formatValue(1e-5), formatValue(0.123456)],
      studyRoutes: [routeOf('#/studies'), routeOf('#/studies/s1'), routeOf('#/?study=s1')],
      stats: [study.formatStat({ mean: 0.5, sd: 0.125, n: 3 }), study.formatStat({ mean: 0.5, sd: null, n: 1 }),
        study.formatStat({ mean: null, sd: null, n: 0 }), study.formatStat(null)],
      valuesText: [study.valuesText({ '/optimizer/lr': 0.0012345, '/a~1b': 'x' }), study.valuesText({})],
      dimensions: dimensions.map((d) => [d.pointer, d.log, d.choices]),
      lrPoints: study.dimensionPoints(trials, finals, dimensions[0]),
      batchPoints: study.dimensionPoints(trials, finals, dimensions[1]),
      sameRow: study.rowKey({ arm: null, values: { x: 1, y: 2 } }) === study.rowKey({ values: { y: 2, x: 1 } }),
      arms: [...study.armIndexes(trials)],
    };
  }, (error) => ({ error: String(error) }));
