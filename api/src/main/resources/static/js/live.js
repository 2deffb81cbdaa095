/**
 * Live updates: a Server-Sent Events subscription read with `fetch` (EventSource cannot send the
 * `Authorization` header), which falls back to polling when the browser cannot stream a response body or the
 * stream keeps failing. The header's live indicator shows which one is in use.
 * @module live
 */

import { authHeaders, signOut } from './auth.js';

const POLL_INTERVAL_MS = 3000;
const MAX_STREAM_FAILURES = 3;
const DEFAULT_RETRY_MS = 1000;

function showMode(mode) {
  const indicator = document.getElementById('live-indicator');
  if (!indicator) return;
  indicator.dataset.mode = mode;
  indicator.textContent = mode;
}

function parseData(data) {
  if (!data) return null;
  try {
    return JSON.parse(data);
  } catch (ignored) {
    return data;
  }
}

/**
 * Reads one event block (the lines between blank lines) as the SSE specification does: `event:`, `id:`, `data:`
 * (joined by newlines), `retry:`; lines starting with `:` are comments.
 * @returns {{type: string, id: (string|null), data: string, retry: (number|null)}}
 */
export function parseBlock(block) {
  const event = { type: 'message', id: null, data: [], retry: null };
  for (const line of block.split(/\r\n|\r|\n/)) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event.type = value;
    else if (field === 'data') event.data.push(value);
    else if (field === 'id' && !value.includes('\0')) event.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) event.retry = Number(value);
  }
  return { ...event, data: event.data.join('\n') };
}

/** Reads `response`'s body as SSE, calling `onEvent` per event; resolves when the server ends the stream. */
async function readStream(response, onEvent) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let boundary = buffer.search(/\r\n\r\n|\n\n|\r\r/);
    while (boundary >= 0) {
      const separator = buffer.startsWith('\r\n\r\n', boundary) ? 4 : 2;
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + separator);
      if (block.trim()) onEvent(parseBlock(block));
      boundary = buffer.search(/\r\n\r\n|\n\n|\r\r/);
    }
  }
}

const canStream = () => typeof fetch === 'function' && typeof TextDecoderStream === 'function'
  && typeof ReadableStream === 'function' && typeof AbortController === 'function';

/**
 * Subscribes to an event stream. The stream reconnects by itself with `Last-Event-ID`, so the server resumes where
 * it broke; after {@link MAX_STREAM_FAILURES} failed connections in a row (or a refusal such as 401 or 404) the
 * subscription switches to calling `poll` every {@link POLL_INTERVAL_MS} ms instead.
 * @param {string} url the `text/event-stream` URL
 * @param {Object<string, function(*, Object): void>} listeners by event name (`job`, `metric`, `end`)
 * @param {function(): void} poll what to do on each polling tick
 * @returns {{close: function(): void}}
 */
export function subscribe(url, listeners, poll) {
  let controller = null;
  let timer = null;
  let failures = 0;
  let closed = false;
  let lastEventId = null;
  let retryMs = DEFAULT_RETRY_MS;

  const startPolling = () => {
    if (closed || timer) return;
    if (controller) controller.abort();
    controller = null;
    showMode('polling');
    poll();
    timer = setInterval(poll, POLL_INTERVAL_MS);
  };

  const dispatch = (event) => {
    if (event.id !== null) lastEventId = event.id;
    if (event.retry !== null) retryMs = event.retry;
    const listener = listeners[event.type];
    if (listener && !closed) listener(parseData(event.data), event);
  };

  const connect = async () => {
    if (closed || timer) return;
    controller = new AbortController();
    const headers = { Accept: 'text/event-stream', ...authHeaders() };
    if (lastEventId !== null) headers['Last-Event-ID'] = lastEventId;
    try {
      const response = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
      if (response.status === 401) signOut();
      const type = response.headers.get('Content-Type') || '';
      if (!response.ok || !response.body || !type.startsWith('text/event-stream')) {
        startPolling();
        return;
      }
      failures = 0;
      showMode('live');
      await readStream(response, dispatch);
    } catch (error) {
      if (closed) return;
      failures += 1;
      if (failures >= MAX_STREAM_FAILURES) {
        startPolling();
        return;
      }
    }
    if (!closed && !timer) setTimeout(connect, retryMs);
  };

  if (canStream()) connect();
  else startPolling();

  return {
    close() {
      closed = true;
      if (controller) controller.abort();
      clearInterval(timer);
      showMode('idle');
    },
  };
}
