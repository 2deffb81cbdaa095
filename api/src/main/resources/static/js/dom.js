/**
 * Tiny DOM helpers: build elements declaratively and empty containers.
 * @module dom
 */

/**
 * Creates an element. Attribute keys starting with "on" become event listeners, `dataset`
 * merges into data-* attributes, `text` sets textContent; null/false attributes are skipped.
 * @param {string} tag
 * @param {Object<string, *>} [attrs]
 * @param {...(Node|string|null|undefined)} children
 * @returns {HTMLElement}
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Appends children (nodes or strings, nested arrays allowed, null skipped). */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Removes every child of a node. */
export function clear(node) {
  node.replaceChildren();
  return node;
}

/** Replaces the content of a node with the given children. */
export function render(node, ...children) {
  clear(node);
  return append(node, children);
}
