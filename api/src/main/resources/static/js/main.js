/**
 * Entry point: mounts the view the location hash names and disposes of the previous one.
 * @module main
 */

import { render, el } from './dom.js';
import { currentKey, onSignedOut, signOut, takeKeyFromUrl } from './auth.js';
import { parseHash } from './router.js';
import { mountJobList } from './views/job-list.js';
import { mountJobPage } from './views/job-page.js';
import { mountSubmit } from './views/submit.js';
import { mountCompare } from './views/compare.js';
import { mountPlayground } from './views/playground.js';
import { mountStudyList } from './views/study-list.js';
import { mountStudyPage } from './views/study-page.js';
import { mountSignIn } from './views/sign-in.js';

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
const signOutLink = document.getElementById('sign-out');
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
  dispose = () => {};
  const signedIn = Boolean(currentKey());
  signOutLink.hidden = !signedIn;
  if (!signedIn) {
    render(root);
    root.dataset.view = 'sign-in';
    markNavigation('sign-in');
    dispose = mountSignIn(root, show);
    return;
  }
  const route = parseHash(location.hash);
  const mount = VIEWS[route.name];
  render(root);
  root.dataset.view = route.name;
  markNavigation(route.name);
  dispose = mount ? mount(root, route) : notFound(root, route);
}

window.addEventListener('hashchange', () => {
  takeKeyFromUrl();
  show();
});
// Signed out here, or the service refused the key (401): show the sign-in view unless it is shown already.
onSignedOut(() => {
  if (root.dataset.view !== 'sign-in') show();
});
signOutLink.addEventListener('click', (event) => {
  event.preventDefault();
  signOut();
});
takeKeyFromUrl();
show();
