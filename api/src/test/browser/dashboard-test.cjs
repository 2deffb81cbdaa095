// Real-browser test of the Descent dashboard against a running service: Playwright (playwright-core, installed by
// .ci/browser-test.sh into api/target/browser-node) driving Debian's headless chromium.
//
//     NODE_PATH=api/target/browser-node/node_modules node api/src/test/browser/dashboard-test.cjs \
//         --url http://localhost:8080 --key dsk_… [--artifacts api/target/browser] \
//         [--readme-screenshot docs/dashboard-job.png]
//
// Signs in with the `#key=` link (after the sign-in view refused a wrong key), opens the job list, submits a job
// through the form, watches its progress bar move and its loss chart get points, cancels another job from the list,
// pauses and unpauses one on its page, reads a diverged job's failure, compares two jobs, runs the playground, draws a
// learning-rate range test's curve and shows a small study's page (summary, overlay, objective against the searched
// learning rate, its trials in the job list), signs out and in again with the sign-in form; every page runs under the
// service's Content-Security-Policy; a check also fails when the page logged a JavaScript error meanwhile. Saves the
// job page's screenshot, prints `N passed, M failed` last and exits non-zero when a check failed.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { isDeepStrictEqual, parseArgs } = require('node:util');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const SUBMITTED_SPEC = { name: 'browser-test-submitted', epochs: 400 };
const LONG_SPEC = { name: 'browser-test-cancel', epochs: 200, batchSize: 1 };
const DIVERGING_SPEC = {
  name: 'browser-test-diverges',
  dataset: { name: 'diabetes' },
  model: { layers: [{ type: 'dense', units: 16, activation: 'relu' },
    { type: 'output', activation: 'identity', loss: 'mse' }] },
  optimizer: { type: 'sgd', lr: 1000 },
  epochs: 5,
};
const RANGE_TEST_SPEC = {
  task: 'lr_range_test',
  name: 'browser-test-range',
  dataset: { name: 'iris', validationSplit: 0.2, standardize: true },
  model: { layers: [{ type: 'dense', units: 16, activation: 'relu' },
    { type: 'output', activation: 'softmax', loss: 'mcxent' }] },
  optimizer: { type: 'sgd', momentum: 0.9 },
  batchSize: 16,
  lrRangeTest: { minLr: 1e-5, maxLr: 10, steps: 60 },
};
const STUDY_ARMS = [{ name: 'adam', set: { '/optimizer': { type: 'adam', lr: 0.01 } } },
  { name: 'sgd', set: { '/optimizer': { type: 'sgd', lr: 0.1, momentum: 0.9 } } }];
const STUDY_SEARCH = { type: 'grid',
  space: { '/optimizer/lr': { type: 'loguniform', low: 0.001, high: 0.1, points: 2 } } };
const STUDY_TRIALS = 8; // 2 arms × 2 points × 2 seeds
const STUDY_ROWS = 4;
const FINISH_SECONDS = 60;
const WATCH_SECONDS = 120;
const SCREENSHOT_FRACTION = 30.0;
const LIVE_SECONDS = 30;
const POLL_MS = 200;
const MODULE_CHECKS = fs.readFileSync(path.join(__dirname, 'module_checks.js'), 'utf8');
const MODULE_EXPECTATIONS = {
  unitsOfSecondLayer: '"units": 3',
  missingField: '{\n        "units": 4\n      }',
  groups: [['loss', ['loss', 'pretrain_loss', 'val_loss@polyak-ema']], ['accuracy', ['val_accuracy']], ['lr', ['lr']],
    ['pretrain_stage', ['pretrain_stage']]],
  aligned: [[1, 2, 3], [null, 0.25, null], [null, null, null]],
  route: { name: 'job', id: 'abc', query: 'x=1' },
  duration: '1h 02m',
  values: ['NaN', '1.000e-5', '0.1235'],
  studyRoutes: [{ name: 'studies', id: null, query: '' }, { name: 'study', id: 's1', query: '' },
    { name: 'jobs', id: null, query: 'study=s1' }],
  stats: ['0.5 ± 0.125 (n=3)', '0.5 (n=1)', '—', '—'],
  valuesText: ['lr=0.001234, a/b="x"', '—'],
  dimensions: [['/optimizer/lr', true, null], ['/batchSize', false, [16, 32]]],
  lrPoints: [[0.001, 0.01], [0.25, 0.5]],
  batchPoints: [[0, 1], [0.25, 0.5]],
  sameRow: true,
  arms: [['adam', 0], [null, 1], ['sgd', 2]],
};
const PROGRESS = '[data-testid=job-progress]';
const LOSS_CHART = '[data-testid=chart-loss]';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function assert(condition, message) {
  if (!condition) {
    throw new Error(`assertion failed: ${message}`);
  }
}

/** Polls `condition()` until it returns something truthy; fails after `seconds`. */
async function waitFor(condition, seconds, what) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const result = await condition();
    if (result) {
      return result;
    }
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${seconds} s waiting for ${what}`);
    }
    await sleep(POLL_MS);
  }
}

/** The checks, in order; later ones use the jobs earlier ones created. */
class DashboardChecks {
  constructor(page, baseUrl, key, artifacts, readmeScreenshot) {
    this.page = page;
    this.base = baseUrl.replace(/\/+$/, '');
    this.key = key;
    this.artifacts = artifacts;
    this.readmeScreenshot = readmeScreenshot;
    this.submittedId = null;
    this.cancelledId = null;
    this.consoleErrors = [];
    page.on('pageerror', (error) => this.consoleErrors.push(String(error)));
    page.on('console', (message) => {
      // A failed request is logged too ("Failed to load resource"): that is the checks' business, not a JS error.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        this.consoleErrors.push(message.text());
      }
    });
  }

  checks() {
    return ['signsInWithTheLink', 'modulesComputeWhatTheViewsShow', 'jobListLoadsLive', 'formShowsFieldErrors',
      'submittedJobMovesLive', 'listShowsNewJobAndCancelsIt', 'jobPagePausesAndUnpauses', 'failedJobShowsItsReason',
      'ruleFiringsShowOnTheJobPage', 'compareOverlaysBothJobs', 'diagnosticsChartsRender', 'playgroundDrawsPaths',
      'rangeTestDrawsItsCurve', 'strategyPanelShowsPhasesAndWarmStart', 'strategyPanelShowsTheCurriculum',
      'studyPageSummarisesItsTrials', 'studyPageShowsThePbtLineage', 'studyPageCancelsTheStudy',
      'signsOutAndInAgain'];
  }

  // -- helpers ------------------------------------------------------------------------------------------------------

  async open(route) {
    await this.page.goto(`${this.base}/#${route}`);
  }

  async api(method, apiPath, body) {
    const response = await fetch(`${this.base}/api/v1${apiPath}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.key}` },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) {
      throw new Error(`${method} ${apiPath}: HTTP ${response.status} ${await response.text()}`);
    }
    return response.json();
  }

  attribute(css, name) {
    return this.page.evaluate(([c, n]) => document.querySelector(c)?.getAttribute(n) ?? null, [css, name]);
  }

  text(css) {
    return this.page.evaluate((c) => document.querySelector(c)?.textContent ?? null, css);
  }

  /** Clicks the element like a user; Playwright retries when a live update replaced it in between. */
  click(css, seconds = 10) {
    return this.page.locator(css).first().click({ timeout: seconds * 1000 });
  }

  waitForElement(css, seconds = 10) {
    return this.page.locator(css).first().waitFor({ state: 'attached', timeout: seconds * 1000 });
  }

  async number(css, name) {
    const value = await this.attribute(css, name);
    return value === null || value === '' ? null : Number.parseFloat(value);
  }

  setEditor(spec) {
    return this.page.evaluate((value) => { document.querySelector('[data-testid=spec-editor]').value = value; },
      JSON.stringify(spec, null, 2));
  }

  async editorSpec() {
    const text = await waitFor(
      () => this.page.evaluate(() => document.querySelector('[data-testid=spec-editor]')?.value),
      15, 'the editor to be pre-filled from /api/v1/examples');
    return JSON.parse(text);
  }

  async saveScreenshot(name) {
    fs.mkdirSync(this.artifacts, { recursive: true });
    const file = path.join(this.artifacts, name);
    await this.page.screenshot({ path: file });
    return file;
  }

  storedKey() {
    return this.page.evaluate(() => sessionStorage.getItem('descent.apiKey'));
  }

  // -- checks -------------------------------------------------------------------------------------------------------

  /**
   * Without a key the dashboard shows the sign-in view, which refuses a wrong key; the `#key=` link the service logs
   * signs in, and the key leaves the address bar.
   */
  async signsInWithTheLink() {
    await this.open('/');
    await this.waitForElement('[data-testid=sign-in-form]');
    assert((await this.storedKey()) === null, 'a key is stored before signing in');
    assert(await this.page.locator('[data-testid=sign-out]').isHidden(), 'sign-out shows while signed out');
    await this.page.fill('[data-testid=sign-in-key]', 'dsk_wrongkey_not-a-key-of-this-service');
    await this.click('[data-testid=sign-in-submit]');
    await waitFor(async () => (await this.text('[data-testid=sign-in-error]')) !== '', 10,
      'the sign-in view to refuse a wrong key');
    assert((await this.storedKey()) === null, 'a refused key was stored');
    await this.page.goto(`${this.base}/#key=${encodeURIComponent(this.key)}`);
    await this.waitForElement('[data-testid=job-list]', 15);
    assert(!this.page.url().includes('key='), `the key is still in the address bar: ${this.page.url()}`);
    assert((await this.storedKey()) === this.key, 'the key from the link is not in sessionStorage');
    assert(await this.page.locator('[data-testid=sign-out]').isVisible(), 'no sign-out link while signed in');
  }

  /** The top bar's sign-out forgets the key and shows the sign-in view; the form signs in again. */
  async signsOutAndInAgain() {
    await this.open('/');
    await this.waitForElement('[data-testid=job-list]', 15);
    await this.click('[data-testid=sign-out]');
    await this.waitForElement('[data-testid=sign-in-form]');
    assert((await this.storedKey()) === null, 'the key is still stored after signing out');
    await this.open('/studies');
    await this.waitForElement('[data-testid=sign-in-form]');
    await this.page.fill('[data-testid=sign-in-key]', this.key);
    await this.click('[data-testid=sign-in-submit]');
    await waitFor(async () => (await this.attribute('[data-testid=view]', 'data-view')) === 'studies', 15,
      'the studies view after signing in again');
    assert((await this.storedKey()) === this.key, 'the key typed in is not stored');
  }

  /** The pure modules, imported as served: pointer spans, metric groups, merged series, routes, formats. */
  async modulesComputeWhatTheViewsShow() {
    await this.open('/');
    const results = await this.page.evaluate(MODULE_CHECKS);
    for (const [key, expected] of Object.entries(MODULE_EXPECTATIONS)) {
      assert(isDeepStrictEqual(results[key], expected),
        `${key}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(results[key])} ${JSON.stringify(results)}`);
    }
  }

  async jobListLoadsLive() {
    await this.open('/');
    await this.waitForElement('[data-testid=job-list]');
    await waitFor(async () => (await this.attribute('[data-testid=live-indicator]', 'data-mode')) === 'live',
      10, "the job list's event stream to connect");
  }

  async formShowsFieldErrors() {
    await this.open('/submit');
    const spec = await this.editorSpec();
    spec.optimizer = { type: 'adam', lr: -1 };
    await this.setEditor(spec);
    await this.click('[data-testid=submit-job]');
    const item = '[data-testid=field-errors] li[data-pointer="/optimizer/lr"]';
    await this.waitForElement(item);
    const text = await this.text(item);
    assert(text.includes('/optimizer/lr'), text);
    await this.click(`${item} button`);
    const selected = await this.page.evaluate(() => {
      const e = document.querySelector('[data-testid=spec-editor]');
      return e.value.slice(e.selectionStart, e.selectionEnd);
    });
    assert(selected.replaceAll(' ', '') === '"lr":-1', `the pointer selected ${JSON.stringify(selected)}`);
  }

  async submittedJobMovesLive() {
    await this.open('/');
    await this.click('[data-testid=new-job]');
    await this.setEditor({ ...(await this.editorSpec()), ...SUBMITTED_SPEC });
    await this.click('[data-testid=submit-job]');
    const hash = () => this.page.evaluate(() => location.hash);
    await waitFor(async () => (await hash()).startsWith('#/jobs/'), 15, 'the job page after submitting');
    this.submittedId = (await hash()).split('/')[2];
    const { progress, points } = await this.watchProgressAndPoints();
    assert(new Set(progress).size >= 2 && progress.at(-1) > progress[0],
      `progress never moved: ${progress.slice(0, 20)}`);
    assert(points.at(-1) > points[0], `the loss chart got no points while watched: ${points[0]} → ${points.at(-1)}`);
    await this.click('#log-scale');
    await waitFor(async () => ((await this.number(LOSS_CHART, 'data-points')) || 0) > 0, 5, 'points on a log scale');
    await sleep(500);
    const shot = await this.saveScreenshot('dashboard-job.png');
    if (this.readmeScreenshot) {
      fs.mkdirSync(path.dirname(this.readmeScreenshot), { recursive: true });
      fs.copyFileSync(shot, this.readmeScreenshot);
    }
    await this.click('#log-scale');
  }

  /** Samples the progress bar and the loss chart until both moved and the job is well under way. */
  async watchProgressAndPoints() {
    await this.waitForElement(PROGRESS, 15);
    const progress = [];
    const points = [];
    const deadline = Date.now() + WATCH_SECONDS * 1000;
    while (Date.now() < deadline) {
      progress.push((await this.number(PROGRESS, 'aria-valuenow')) || 0.0);
      points.push((await this.number(LOSS_CHART, 'data-points')) || 0.0);
      const moved = new Set(progress).size >= 3 && points.at(-1) > points[0];
      if ((moved && progress.at(-1) >= SCREENSHOT_FRACTION) || progress.at(-1) >= 100) {
        break;
      }
      await sleep(300);
    }
    return { progress, points };
  }

  async listShowsNewJobAndCancelsIt() {
    await this.open('/');
    await this.waitForElement('[data-testid=job-list]');
    await waitFor(async () => (await this.attribute('[data-testid=live-indicator]', 'data-mode')) === 'live',
      10, "the job list's event stream to connect");
    const spec = { ...(await this.api('GET', '/examples')).items[0].spec, ...LONG_SPEC };
    this.cancelledId = (await this.api('POST', '/jobs', spec)).id;
    const button = `[data-testid=cancel-${this.cancelledId}]`;
    await this.waitForElement(button, LIVE_SECONDS);
    await this.click(button);
    const status = `[data-testid=job-status-${this.cancelledId}]`;
    await waitFor(async () => (await this.text(status)) === 'CANCELLED', LIVE_SECONDS,
      "the cancelled job's row to say CANCELLED");
  }

  async jobPagePausesAndUnpauses() {
    const spec = { ...(await this.api('GET', '/examples')).items[0].spec, ...LONG_SPEC, name: 'browser-test-pause' };
    const jobId = (await this.api('POST', '/jobs', spec)).id;
    await this.open(`/jobs/${jobId}`);
    await waitFor(async () => (await this.text('[data-testid=job-status]')) === 'RUNNING', LIVE_SECONDS,
      'the job to run');
    await this.click(`[data-testid=pause-${jobId}]`);
    await waitFor(async () => (await this.text('[data-testid=job-status]')) === 'PAUSED', LIVE_SECONDS,
      'the job page to say PAUSED');
    await this.click(`[data-testid=unpause-${jobId}]`);
    await waitFor(async () => ['QUEUED', 'RUNNING'].includes(await this.text('[data-testid=job-status]')),
      LIVE_SECONDS, 'the unpaused job to be queued or running again');
    await this.api('POST', `/jobs/${jobId}/cancel`);
  }

  async failedJobShowsItsReason() {
    const jobId = (await this.api('POST', '/jobs', DIVERGING_SPEC)).id;
    await this.open(`/jobs/${jobId}`);
    await waitFor(async () => ((await this.text('[data-testid=job-failure]')) || '').includes('DIVERGED'),
      FINISH_SECONDS, 'the failure reason of a diverging job');
    await this.click('#log-scale');
    await waitFor(async () => ((await this.number(LOSS_CHART, 'data-points')) || 0) > 0, 5, 'the diverging loss');
  }

  async ruleFiringsShowOnTheJobPage() {
    const iris = (await this.api('GET', '/examples')).items.find((e) => e.name === 'iris-mlp').spec;
    const rules = [{ when: { metric: 'loss', test: '<', value: 100 }, do: 'annotate' },
      { when: { metric: 'train_loss', test: '<', value: 100, for: 2 }, do: 'stop' }];
    const jobId = (await this.api('POST', '/jobs', { ...iris, name: 'browser-test-rules', rules })).id;
    await this.open(`/jobs/${jobId}`);
    await waitFor(async () => ((await this.text('[data-testid=job-stop-reason]')) || '').includes('rule 1'),
      FINISH_SECONDS, 'the header to say which rule stopped the job');
    const counts = () => this.page.evaluate((chart) => [
      document.querySelectorAll('[data-testid=timeline-rule]').length,
      document.querySelectorAll(`${chart} [data-testid=rule-marker]`).length], LOSS_CHART);
    const [events, markers] = await waitFor(async () => {
      const found = await counts();
      // the stop's marker is drawn once the chart's points reach its step, which can come after the timeline event
      return found[0] >= 2 && found[1] >= 2 ? found : null;
    }, LIVE_SECONDS, 'the firings on the timeline and as chart markers');
    assert(events === 2 && markers === 2, `expected 2 rule events and 2 markers, got ${events} and ${markers}`);
    const tooltip = await this.page.evaluate((chart) => document.querySelector(`${chart} [data-testid=rule-marker]`)
      .title, LOSS_CHART);
    assert(tooltip.startsWith('rule 0: loss < 100'), `marker tooltip: ${tooltip}`);
  }

  async compareOverlaysBothJobs() {
    const ids = [this.submittedId, this.cancelledId].filter((id) => id).join(',');
    await this.open(`/compare?ids=${ids}&metric=loss`);
    const chart = '[data-testid=compare-chart]';
    await waitFor(async () => ((await this.number(chart, 'data-points')) || 0) > 0, 15, 'points on the compare chart');
    const legend = () => this.page.evaluate((c) => document.querySelectorAll(`${c} .u-legend .u-series`).length,
      chart);
    const expected = 1 + ids.split(',').length;
    await waitFor(async () => (await legend()) >= expected, 15, 'a legend entry per job');
    const series = await legend();
    assert(series === expected, `expected one legend entry per job plus x, got ${series}`);
  }

  /** A job with diagnostics gets the update-ratio chart (log axis, shaded band) and the curvature-ratio chart. */
  async diagnosticsChartsRender() {
    const example = (await this.api('GET', '/examples')).items.find((item) => item.spec.name === 'iris-diagnostics');
    assert(example, 'the iris-diagnostics example is served');
    const jobId = (await this.api('POST', '/jobs', example.spec)).id;
    await this.open(`/jobs/${jobId}`);
    const ratio = '[data-testid=chart-update_ratio]';
    const curvature = '[data-testid=chart-curvature_ratio]';
    await waitFor(async () => ((await this.number(ratio, 'data-points')) || 0) > 0, FINISH_SECONDS,
      'points on the update-ratio chart');
    await waitFor(async () => ((await this.number(curvature, 'data-points')) || 0) > 0, FINISH_SECONDS,
      'points on the curvature-ratio chart');
    assert((await this.attribute(ratio, 'data-scale')) === 'log', 'the update ratio is on a log axis');
    assert((await this.attribute(ratio, 'data-band')) === '0.0001,0.01', 'the update-ratio chart shades 1e-4..1e-2');
    assert((await this.attribute(curvature, 'data-line')) === '1', 'the curvature-ratio chart marks 1');
    const entries = () => this.page.evaluate((c) => document.querySelectorAll(`${c} .u-legend .u-series`).length,
      ratio);
    await waitFor(async () => (await entries()) >= 1 + 4, 15, 'an update-ratio series per layer');
    const legend = await entries();
    assert(legend === 1 + 4, `one update-ratio series per layer with parameters plus x, got ${legend}`);
    await this.saveScreenshot('dashboard-diagnostics.png');
    await this.open(`/jobs/${this.submittedId}`);
    await waitFor(async () => ((await this.number(LOSS_CHART, 'data-points')) || 0) > 0, 15, 'the loss chart');
    assert((await this.page.locator(ratio).count()) === 0, 'a job without diagnostics has no update-ratio chart');
  }

  async playgroundDrawsPaths() {
    await this.open('/playground');
    await this.click('[data-testid=pg-run]');
    const items = await waitFor(async () => {
      const found = await this.page.evaluate(() => [...document.querySelectorAll('[data-testid=pg-legend] li')]
        .map((li) => [li.dataset.points ?? null, li.textContent]));
      return found.length ? found : null;
    }, 30, "the playground's paths");
    const empty = items.filter(([points]) => !(Number.parseInt(points, 10) >= 2)).map(([, text]) => text);
    assert(empty.length === 0, `paths without points: ${JSON.stringify(empty)}`);
  }

  async rangeTestDrawsItsCurve() {
    const jobId = (await this.api('POST', '/jobs', RANGE_TEST_SPEC)).id;
    await this.open(`/jobs/${jobId}`);
    const chart = '[data-testid=chart-lr-range-test]';
    await waitFor(async () => (await this.text('[data-testid=job-status]')) === 'SUCCEEDED', FINISH_SECONDS,
      'the range test to finish');
    await waitFor(async () => ((await this.number(chart, 'data-points')) || 0) >= 10, 15, 'the range-test curve');
    const logX = await this.page.evaluate((c) => document.querySelector(`${c} .u-axis`) !== null, chart);
    assert(logX, 'the range-test chart has no axes');
  }

  /** Polls the API until job `id` has ended; fails unless it SUCCEEDED. */
  async awaitSucceeded(id) {
    const job = await waitFor(async () => {
      const found = await this.api('GET', `/jobs/${id}`);
      return ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(found.status) ? found : null;
    }, FINISH_SECONDS, `job ${id} to end`);
    assert(job.status === 'SUCCEEDED', `job ${id} ended ${job.status}: ${JSON.stringify(job.failure)}`);
    return job;
  }

  /**
   * A phased job warm-started from another: the strategy panel's phase table (the last phase current once it
   * ended) and the warm start's source linked with its resolved checkpoint; a plain job has no strategy panel.
   */
  async strategyPanelShowsPhasesAndWarmStart() {
    const iris = (await this.api('GET', '/examples')).items.find((e) => e.name === 'iris-mlp').spec;
    const source = (await this.api('POST', '/jobs', { ...iris, name: 'browser-test-source', epochs: 3 })).id;
    await this.awaitSucceeded(source);
    const { optimizer, schedule, epochs, batchSize, ...base } = iris;
    const phases = [{ epochs: 2, optimizer: { type: 'adam', lr: 0.01 }, batchSize: 16 },
      { epochs: 2, optimizer: { type: 'sgd', lr: 0.05, momentum: 0.9 }, batchSize: 40, keepState: false }];
    const jobId = (await this.api('POST', '/jobs', { ...base, name: 'browser-test-strategy', phases,
      init: { fromJob: source, checkpoint: 'final', layers: [0, 1] } })).id;
    const job = await this.awaitSucceeded(jobId);
    await this.open(`/jobs/${jobId}`);
    await this.waitForElement('[data-testid=strategy-phase-1][data-current=true]', LIVE_SECONDS);
    const rows = await this.page.evaluate(() => [...document.querySelectorAll('[data-testid=strategy-phase-table] '
      + 'tbody tr')].map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)));
    const withoutOptimizer = rows.map((row) => row.filter((_, i) => i !== 2));
    const expected = [['0', '2', 'constant', '16', 'no'], ['1', '2', 'constant', '40', 'no']];
    assert(isDeepStrictEqual(withoutOptimizer, expected),
      `phase rows: ${JSON.stringify(rows)}`);
    assert(rows[0][2].startsWith('adam') && rows[1][2].startsWith('sgd') && rows[1][2].includes('momentum 0.9'),
      `phase optimizers: ${JSON.stringify(rows)}`);
    assert((await this.attribute('[data-testid=strategy-init-source]', 'href')) === `#/jobs/${source}`,
      'the warm start links its source job');
    assert((await this.text('[data-testid=strategy-init-checkpoint]')) === job.spec.init.checkpoint,
      'the warm start shows its resolved checkpoint');
    assert((await this.text('[data-testid=strategy-init-layers]')) === '0, 1', 'the copied layers');
    assert((await this.text('[data-testid=strategy-init-frozen]')) === 'none', 'no frozen layers');
    assert((await this.page.locator('[data-testid=strategy-curriculum]').count()) === 0, 'no curriculum part');
    await this.saveScreenshot('dashboard-strategy.png');
    await this.open(`/jobs/${source}`);
    await this.waitForElement('[data-testid=job-spec]', LIVE_SECONDS);
    assert(await this.page.locator('[data-testid=strategy-panel]').isHidden(), 'a plain job shows no strategy');
  }

  /** A curriculum job's settings and, once it ended, its current fraction: the whole set. */
  async strategyPanelShowsTheCurriculum() {
    const iris = (await this.api('GET', '/examples')).items.find((e) => e.name === 'iris-mlp').spec;
    const jobId = (await this.api('POST', '/jobs', { ...iris, name: 'browser-test-curriculum', epochs: 3,
      curriculum: { type: 'easy_first', scoredBy: 'loss', startFraction: 0.5, epochsToFull: 2 } })).id;
    await this.awaitSucceeded(jobId);
    await this.open(`/jobs/${jobId}`);
    await waitFor(async () => ((await this.text('[data-testid=strategy-curriculum-fraction]')) || '')
      .includes('(120 examples)'), LIVE_SECONDS, 'the current fraction: all 120 examples');
    assert((await this.text('[data-testid=strategy-curriculum-type]')) === 'easy_first', 'the curriculum type');
    assert((await this.text('[data-testid=strategy-curriculum-start]')) === '0.5', 'the start fraction');
    assert((await this.text('[data-testid=strategy-curriculum-epochs]')) === '2', 'epochs to the full set');
    assert(((await this.text('[data-testid=strategy-curriculum-scored-by]')) || '').includes('loss'), 'scored by');
    assert((await this.page.locator('[data-testid=strategy-phases]').count()) === 0, 'no phases part');
  }

  /** A small study through the API: its list row, summary, overlay, dimension chart, trials and job-list filter. */
  async studyPageSummarisesItsTrials() {
    const iris = (await this.api('GET', '/examples')).items.find((e) => e.name === 'iris-mlp').spec;
    const study = await this.api('POST', '/studies', { name: 'browser-test-study', base: { ...iris, epochs: 3 },
      arms: STUDY_ARMS, seeds: [1, 2], maxConcurrent: 4, search: STUDY_SEARCH });
    await this.open('/studies');
    await this.click(`[data-testid=study-link-${study.id}]`, LIVE_SECONDS);
    await waitFor(async () => (await this.text('[data-testid=study-status]')) === 'SUCCEEDED', FINISH_SECONDS * 2,
      'the study to succeed');
    const finals = () => this.page.evaluate(() => [...document.querySelectorAll('[data-testid^=summary-final-]')]
      .map((cell) => Number(cell.dataset.n)));
    const ns = await waitFor(async () => {
      const found = await finals();
      return found.length === STUDY_ROWS && found.every((n) => n === 2) ? found : null;
    }, LIVE_SECONDS, 'a summary row per arm and point with both seeds');
    assert(ns.length === STUDY_ROWS, `summary rows: ${ns}`);
    const overlay = '[data-testid=study-overlay]';
    await waitFor(async () => ((await this.number(overlay, 'data-points')) || 0) >= STUDY_TRIALS, LIVE_SECONDS,
      'the objective of every trial on the overlay');
    const series = await this.page.evaluate((c) => document.querySelectorAll(`${c} .u-legend .u-series`).length,
      overlay);
    assert(series === 1 + STUDY_TRIALS, `expected one legend entry per trial plus x, got ${series}`);
    const dimension = '[data-testid=study-dimension-0]';
    await waitFor(async () => (await this.number(dimension, 'data-points')) === STUDY_TRIALS, LIVE_SECONDS,
      'a point per trial against the learning rate');
    assert((await this.attribute(dimension, 'data-log-x')) !== null, 'the loguniform dimension has no log x axis');
    const jobIds = (await this.api('GET', `/studies/${study.id}`)).trials.map((t) => t.jobId).sort();
    await this.click('[data-testid=study-jobs-link]');
    const listed = await waitFor(async () => {
      const ids = await this.page.evaluate(() => [...document.querySelectorAll('[data-testid=job-list-body] tr')]
        .map((row) => row.dataset.jobId));
      return ids.length === STUDY_TRIALS ? ids.sort() : null;
    }, LIVE_SECONDS, "the job list filtered to the study's trials");
    assert(isDeepStrictEqual(listed, jobIds), `listed ${listed}, trials ${jobIds}`);
    await this.open(`/jobs/${jobIds[0]}`);
    await this.waitForElement('[data-testid=job-study]', LIVE_SECONDS);
    const back = await this.attribute('[data-testid=job-study]', 'href');
    assert(back === `#/studies/${study.id}`, `the trial's page links to ${back}`);
  }

  /**
   * A PBT study of 4 members, one with a hopeless rate (sampleSeed 0 draws 0.05, 0.05, 0.05 and 1e-6): after the
   * round at epoch 2 the page's lineage lists the 4 members of round 1, and exactly one of them copied another.
   */
  async studyPageShowsThePbtLineage() {
    const iris = (await this.api('GET', '/examples')).items.find((e) => e.name === 'iris-mlp').spec;
    const study = await this.api('POST', '/studies', { name: 'browser-test-pbt',
      base: { ...iris, epochs: 4, batchSize: 16, checkpoint: { keepLast: 20 } }, maxConcurrent: 2,
      search: { type: 'random', sampleSeed: 0,
        space: { '/optimizer/lr': { type: 'choice', values: [0.000001, 0.05] } } },
      scheduler: { type: 'pbt', population: 4, interval: 2,
        mutations: { '/optimizer/lr': { factors: [0.5, 2.0] } } } });
    await this.open(`/studies/${study.id}`);
    await this.waitForElement('[data-testid=study-lineage-panel]', LIVE_SECONDS);
    const rows = await waitFor(async () => {
      const found = await this.page.evaluate(() => [...document.querySelectorAll(
        '[data-testid=study-lineage] tbody tr[data-testid^=lineage-row-1-]')].map((row) => row.dataset.exploited));
      return found.length === 4 ? found : null;
    }, FINISH_SECONDS * 2, 'the 4 members of round 1 in the lineage');
    assert(rows.filter((exploited) => exploited === 'true').length === 1, `exploits in round 1: ${rows}`);
  }

  /** A long study cancelled with its page's button: the page then says CANCELLED, and so do its trials. */
  async studyPageCancelsTheStudy() {
    const iris = (await this.api('GET', '/examples')).items.find((e) => e.name === 'iris-mlp').spec;
    const study = await this.api('POST', '/studies', { name: 'browser-test-study-cancel',
      base: { ...iris, ...LONG_SPEC }, arms: STUDY_ARMS, maxConcurrent: 1 });
    await this.open(`/studies/${study.id}`);
    await this.click(`[data-testid=cancel-${study.id}]`, LIVE_SECONDS);
    await waitFor(async () => (await this.text('[data-testid=study-status]')) === 'CANCELLED', LIVE_SECONDS,
      'the study page to say CANCELLED');
    await waitFor(async () => this.page.evaluate(() => {
      const rows = [...document.querySelectorAll('[data-testid=study-trials] tbody tr')];
      return rows.length === 2 && rows.every((row) => row.dataset.status === 'CANCELLED');
    }), LIVE_SECONDS, 'both trials to be cancelled');
    assert(await this.page.locator(`[data-testid=cancel-${study.id}]`).count() === 0, 'a cancel button is left');
  }

  /** Fails on JavaScript errors logged since the last call (failed requests are the checks' business). */
  assertConsoleClean() {
    const errors = this.consoleErrors.splice(0);
    assert(errors.length === 0, `JavaScript errors in the console: ${JSON.stringify(errors)}`);
  }
}

async function run(options) {
  let passed = 0;
  let failed = 0;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const suite = new DashboardChecks(page, options.url, options.key, options.artifacts,
      options['readme-screenshot']);
    for (const check of suite.checks()) {
      try {
        await suite[check]();
        suite.assertConsoleClean();
        passed += 1;
        console.log(`PASS ${check}`);
      } catch (error) { // a failed check is reported and the others still run
        failed += 1;
        console.log(`FAIL ${check}\n${error.stack || error}`);
        await suite.saveScreenshot(`dashboard-failed-${check}.png`).catch(() => {});
      }
    }
  } finally {
    await browser.close();
  }
  return { passed, failed };
}

async function main() {
  const { values: options } = parseArgs({
    options: { url: { type: 'string' }, key: { type: 'string' }, artifacts: { type: 'string', default: 'target' },
      'readme-screenshot': { type: 'string' } },
  });
  if (!options.url || !options.key) {
    throw new Error('--url and --key are required: the running service, e.g. http://localhost:8080, and its API key');
  }
  let result;
  try {
    result = await run(options);
  } catch (error) { // the browser itself did not start
    console.log(error.stack || String(error));
    result = { passed: 0, failed: 1 };
  }
  console.log(`${result.passed} passed, ${result.failed} failed`);
  process.exitCode = result.failed ? 1 : 0;
}

main();
