/**
 * Entry point: mounts the view the location hash names and disposes of the previous one.
 * @module main
 */

import { render, el } from './dom.js';
import { parseHash } from './router.js';
import { mountJobList } from './views/job-list.js';
import { mountJobPage } from './views/job-page.js';
import { mountSubmit } from './views/submit.js';
import { mountCompare } from './views/compare.js';
import { mountPlayground } from './views/playground.js';
import { mountStudyList } from './views/study-list.js';
import { mountStudyPage } from './views/study-page.js';

const VIEWS = {
  jobs: mountJobList,
  job: mountJobPage,
  submit: mountSubmit,
  compare: mountCompare,
  playground: mountPlayground,
  studies: mountStudyList,
  study: mountStudyPage,
};
const NAV_ROUTE = { job: 'jobs', study: 'studies' };

const root = document.getElementById('view');
let dispose = () => {};

function markNavigation(name) {
  const current = NAV_ROUTE[name] || name;
  for (const link of document.querySelectorAll('nav a[data-route]')) {
    if (link.dataset.route === current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function notFound(container, route) {
  render(container, el('h1', { text: 'Not found' }),
    el('p', {}, `There is no view named "${route.name}". `, el('a', { href: '#/', text: 'Back to the jobs' })));
  return () => {};
}

function show() {
  dispose();
  const route = parseHash(location.hash);
  const mount = VIEWS[route.name];
  render(root);
  root.dataset.view = route.name;
  markNavigation(route.name);
  dispose = mount ? mount(root, route) : notFound(root, route);
}

window.addEventListener('hashchange', show);
show();
