/**
 * Finds where a JSON pointer (RFC 6901) points in a JSON text, so the submit form can select an offending field.
 * @module json-locate
 */

const WHITESPACE = ' \t\r\n';
const SCALAR_END = ',}] \t\r\n';

const escapeSegment = (key) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Maps every pointer of a valid JSON text to its `[start, end)` character span; for an object member the span
 * starts at its key.
 * @param {string} text
 * @returns {Map<string, number[]>}
 */
function spansOf(text) {
  const spans = new Map();
  let i = 0;
  const skipWhitespace = () => {
    while (i < text.length && WHITESPACE.includes(text[i])) i += 1;
  };
  const readString = () => {
    const start = i;
    for (i += 1; i < text.length && text[i] !== '"'; i += 1) if (text[i] === '\\') i += 1;
    i += 1;
    return JSON.parse(text.slice(start, i));
  };
  const readContainer = (close, readMember) => {
    i += 1;
    skipWhitespace();
    if (text[i] === close) {
      i += 1;
      return;
    }
    for (let index = 0; ; index += 1) {
      readMember(index);
      skipWhitespace();
      i += 1;
      if (text[i - 1] === close) return;
    }
  };
  const readValue = (path, from) => {
    skipWhitespace();
    const start = from ?? i;
    if (text[i] === '{') {
      readContainer('}', () => {
        skipWhitespace();
        const keyStart = i;
        const key = readString();
        skipWhitespace();
        i += 1;
        readValue(`${path}/${escapeSegment(key)}`, keyStart);
      });
    } else if (text[i] === '[') {
      readContainer(']', (index) => readValue(`${path}/${index}`));
    } else if (text[i] === '"') {
      readString();
    } else {
      while (i < text.length && !SCALAR_END.includes(text[i])) i += 1;
    }
    spans.set(path, [start, i]);
  };
  readValue('');
  return spans;
}

/**
 * The span of `pointer` in `text`, or of its nearest existing ancestor when the field is missing (a required
 * field names its parent; for a top-level one, the document's opening brace); null when the text is not JSON or
 * the pointer is a parameter name.
 * @returns {?number[]}
 */
export function locatePointer(text, pointer) {
  if (pointer !== '' && !pointer.startsWith('/')) return null;
  let spans;
  try {
    JSON.parse(text);
    spans = spansOf(text);
  } catch (ignored) {
    return null;
  }
  let path = pointer;
  while (!spans.has(path)) path = path.slice(0, path.lastIndexOf('/'));
  const [start, end] = spans.get(path);
  return path ? [start, end] : [start, start + 1];
}
