/**
 * Live updates: a Server-Sent Events subscription that falls back to polling when the browser has no
 * EventSource or the stream keeps failing. The header's live indicator shows which one is in use.
 * @module live
 */

const POLL_INTERVAL_MS = 3000;
const MAX_STREAM_FAILURES = 3;

function showMode(mode) {
  const indicator = document.getElementById('live-indicator');
  if (!indicator) return;
  indicator.dataset.mode = mode;
  indicator.textContent = mode;
}

function parseData(event) {
  if (!event.data) return null;
  try {
    return JSON.parse(event.data);
  } catch (ignored) {
    return event.data;
  }
}

/**
 * Subscribes to an event stream.
 * The browser's EventSource reconnects by itself and sends `Last-Event-ID`, so the server resumes the stream
 * where it broke; after {@link MAX_STREAM_FAILURES} errors in a row (or when the server closed for good) the
 * subscription switches to calling `poll` every {@link POLL_INTERVAL_MS} ms instead.
 * @param {string} url the `text/event-stream` URL
 * @param {Object<string, function(*, MessageEvent): void>} listeners by event name (`job`, `metric`, `end`)
 * @param {function(): void} poll what to do on each polling tick
 * @returns {{close: function(): void}}
 */
export function subscribe(url, listeners, poll) {
  let source = null;
  let timer = null;
  let failures = 0;
  let closed = false;

  const startPolling = () => {
    if (closed || timer) return;
    if (source) source.close();
    source = null;
    showMode('polling');
    poll();
    timer = setInterval(poll, POLL_INTERVAL_MS);
  };

  if (typeof EventSource === 'undefined') {
    startPolling();
  } else {
    source = new EventSource(url);
    source.onopen = () => {
      failures = 0;
      showMode('live');
    };
    source.onerror = () => {
      failures += 1;
      if (source.readyState === EventSource.CLOSED || failures >= MAX_STREAM_FAILURES) startPolling();
    };
    for (const [type, listener] of Object.entries(listeners)) {
      source.addEventListener(type, (event) => listener(parseData(event), event));
    }
  }

  return {
    close() {
      closed = true;
      if (source) source.close();
      clearInterval(timer);
      showMode('idle');
    },
  };
}
