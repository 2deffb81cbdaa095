/**
 * The submit form (`#/submit`): a JSON spec editor pre-filled from `/api/v1/examples`; the server's problem
 * details (title, detail, and each offending field's pointer and message) are shown inline, and a click on a
 * pointer selects that field in the editor.
 * @module views/submit
 */

import { el, render } from '../dom.js';
import { listExamples, submitJob } from '../api.js';
import { locatePointer } from '../json-locate.js';
import { jobHref } from '../router.js';
import { hideProblem, showProblem } from '../widgets.js';

const PREFERRED_EXAMPLE = 'iris-mlp';
const EDITOR_ROWS = 24;
const CONTEXT_LINES = 3;

/** A problem for text that is not JSON, pointing at the whole document. */
function syntaxProblem(error) {
  return { problem: { title: 'The spec is not valid JSON', detail: error.message } };
}

/** Mounts the submit form into `root`; returns its disposer. */
export function mountSubmit(root) {
  const examples = new Map();
  const picker = el('select', { id: 'example-picker', 'data-testid': 'example-picker' });
  const editor = el('textarea', {
    id: 'spec-editor', 'data-testid': 'spec-editor', rows: EDITOR_ROWS, spellcheck: 'false',
    'aria-describedby': 'spec-help',
  });
  const problemBox = el('div', { class: 'problem', role: 'alert', hidden: true, 'data-testid': 'submit-errors' });
  const submit = el('button', { type: 'submit', class: 'button primary', 'data-testid': 'submit-job', text: 'Submit' });

  const selectField = (pointer) => {
    const span = locatePointer(editor.value, pointer);
    if (!span) return;
    editor.focus();
    editor.setSelectionRange(span[0], span[1]);
    const line = editor.value.slice(0, span[0]).split('\n').length - 1;
    const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || editor.scrollHeight / editor.rows;
    editor.scrollTop = Math.max(0, line - CONTEXT_LINES) * lineHeight;
  };
  const loadExample = () => {
    const spec = examples.get(picker.value);
    if (spec) editor.value = JSON.stringify(spec, null, 2);
  };
  picker.addEventListener('change', loadExample);

  const onSubmit = async (event) => {
    event.preventDefault();
    hideProblem(problemBox);
    try {
      JSON.parse(editor.value);
    } catch (error) {
      showProblem(problemBox, syntaxProblem(error));
      return;
    }
    submit.disabled = true;
    try {
      const job = await submitJob(editor.value);
      location.hash = jobHref(job.id);
    } catch (error) {
      showProblem(problemBox, error, selectField);
      submit.disabled = false;
    }
  };

  render(root,
    el('h1', { text: 'Submit a job' }),
    el('form', { class: 'submit-form', 'data-testid': 'submit-form', onsubmit: onSubmit, novalidate: true },
      el('div', { class: 'toolbar' }, el('label', { for: 'example-picker', text: 'Example' }), picker),
      el('label', { for: 'spec-editor', text: 'Spec (JSON)' }),
      el('p', { id: 'spec-help', class: 'muted' }, 'The fields are described in ',
        el('code', { text: 'docs/job-spec.md' }), '; optimizers take PyTorch names and defaults.'),
      editor, problemBox, el('div', { class: 'toolbar' }, submit)));

  listExamples().then((items) => {
    for (const example of items) {
      examples.set(example.name, example.spec);
      picker.append(el('option', { value: example.name, text: example.name }));
    }
    if (examples.has(PREFERRED_EXAMPLE)) picker.value = PREFERRED_EXAMPLE;
    if (!editor.value) loadExample();
  }).catch((error) => showProblem(problemBox, error));
  return () => {};
}
