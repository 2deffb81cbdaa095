/**
 * Signing in: the API key is kept in `sessionStorage` (this tab only, gone when it closes) and sent by every request
 * as `Authorization: Bearer <key>`. A `#key=…` fragment in the URL (the link the service logs at start, like
 * Jupyter's token link; a fragment never reaches the server) signs in and is removed from the address bar.
 * @module auth
 */

const STORAGE_KEY = 'descent.apiKey';
const SIGNED_OUT = 'descent:signed-out';

export function currentKey() {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch (ignored) {
    return null;
  }
}

export function signIn(key) {
  sessionStorage.setItem(STORAGE_KEY, key.trim());
}

/** Forgets the key and tells the page (see {@link onSignedOut}). */
export function signOut() {
  sessionStorage.removeItem(STORAGE_KEY);
  window.dispatchEvent(new CustomEvent(SIGNED_OUT));
}

/** Calls `listener` whenever the key is forgotten: signed out, or refused by the server (401). */
export function onSignedOut(listener) {
  window.addEventListener(SIGNED_OUT, listener);
}

/** The `Authorization` header for the current key (none when signed out). */
export function authHeaders() {
  const key = currentKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

/** Takes a `#key=…` (or `#/route&key=…`) fragment: stores the key and strips it from the URL. */
export function takeKeyFromUrl() {
  const match = location.hash.match(/^#(.*?)[&?]?key=([^&]+)(.*)$/);
  if (!match) return false;
  signIn(decodeURIComponent(match[2]));
  const rest = (match[1] + match[3]).replace(/^[&?]+|[&?]+$/g, '');
  history.replaceState(null, '', `${location.pathname}${location.search}#${rest || '/'}`);
  return true;
}
