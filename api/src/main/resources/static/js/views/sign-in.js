/**
 * The sign-in view: paste an API key; it is checked against the service, then kept in `sessionStorage` (module
 * auth). Shown whenever no key is stored or the service refused the stored one (401).
 * @module views/sign-in
 */

import { el, render } from '../dom.js';
import { keyWorks } from '../api.js';
import { signIn } from '../auth.js';

/** Mounts the sign-in form into `root`; `onSignedIn` runs once a key is accepted. Returns its disposer. */
export function mountSignIn(root, onSignedIn) {
  const input = el('input', {
    type: 'password', id: 'sign-in-key', name: 'key', autocomplete: 'off', required: true,
    placeholder: 'dsk_…', 'data-testid': 'sign-in-key',
  });
  const message = el('p', { class: 'sign-in-error', role: 'alert', 'data-testid': 'sign-in-error' });
  const form = el('form', {
    class: 'panel sign-in-form',
    'data-testid': 'sign-in-form',
    onsubmit: async (event) => {
      event.preventDefault();
      const key = input.value.trim();
      message.textContent = '';
      if (key && await keyWorks(key).catch(() => false)) {
        signIn(key);
        onSignedIn();
      } else {
        message.textContent = 'The service refused this key (unknown, expired or revoked).';
      }
    },
  },
  el('label', { for: 'sign-in-key', text: 'API key' }),
  input,
  el('button', { type: 'submit', class: 'button primary', 'data-testid': 'sign-in-submit', text: 'Sign in' }),
  message);
  render(root,
    el('h1', { text: 'Sign in' }),
    el('p', { class: 'muted' },
      'Paste an API key. The admin key is in ', el('code', { text: 'descent-data/admin.key' }),
      ', and the service logs a link that signs this browser in at start; tenants get keys from an admin ',
      '(docs/security.md). The key stays in this tab only.'),
    form);
  input.focus();
  return () => {};
}
