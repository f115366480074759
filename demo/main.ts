/**
 * The demo page: the clinician's `<cdi-editor>` (findings beside the note) and the CDI
 * specialist's `<cdi-workspace>` following it (queries with status, codes, counts, exports); a
 * sample-note picker that asks before replacing an edited note, and a setting select.
 * Loaded as a module script (no inline script or style, so the page runs under a strict CSP).
 */
import '../plugin/element/cdi-editor.js';
import '../plugin/element/cdi-workspace.js';
import type { CdiEditor } from '../plugin/element/cdi-editor.js';
import type { CdiWorkspace } from '../plugin/element/cdi-workspace.js';
import type { CodeRef, Setting } from '../src/types.js';
import type { HandoffSummary } from '../src/queries/types.js';
import { SAMPLE_NOTES } from './samples.js';

function byId<T extends HTMLElement>(id: string, type: abstract new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`demo: #${id} is missing or not a ${type.name}`);
  return element;
}

const clinician = byId('clinician', HTMLElement) as CdiEditor;
const workspace = byId('workspace', HTMLElement) as CdiWorkspace;
const sample = byId('sample', HTMLSelectElement);
const setting = byId('setting', HTMLSelectElement);

for (const [index, note] of SAMPLE_NOTES.entries()) sample.add(new Option(note.title, String(index)));

/** True once the clinician has changed the note since it was loaded. */
let edited = false;
/** The sample shown now (the picker goes back to it when replacing is declined). */
let current = 0;

function load(index: number): void {
  current = index;
  sample.value = String(index);
  clinician.value = SAMPLE_NOTES[index]?.text ?? '';
  edited = false;
  // A new note: the workspace starts again from its findings.
  workspace.reset();
}

clinician.addEventListener('cdi-change', () => (edited = true));

// The sample picker never overwrites the clinician's own words without asking.
sample.addEventListener('change', () => {
  const next = Number(sample.value);
  if (edited && !window.confirm('Replace your edited note with this sample? Your changes will be lost.')) {
    sample.value = String(current);
    return;
  }
  load(next);
});
setting.addEventListener('change', () => {
  const value: Setting = setting.value === 'outpatient' ? 'outpatient' : 'inpatient';
  clinician.setting = value;
});

// ---- review and sign (simulated) -------------------------------------------------------------
// Everything is rendered with textContent (never innerHTML): the note's words are data, not markup.

const dialog = byId('review-dialog', HTMLDialogElement);
const signButton = byId('sign', HTMLButtonElement);
const confirmOpen = byId('confirm-open', HTMLInputElement);
const signed = byId('signed', HTMLElement);

function fill(listId: string, countId: string | null, lines: string[], empty: string): void {
  const list = byId(listId, HTMLUListElement);
  list.replaceChildren(...(lines.length > 0 ? lines : [empty]).map((line) => {
    const li = document.createElement('li');
    li.textContent = line;
    return li;
  }));
  if (countId) byId(countId, HTMLElement).textContent = String(lines.length);
}

const codeText = (code: CodeRef | null): string => (code ? `${code.code} ${code.title}` : 'no code');

/** Sign is enabled when no query is open, or once the clinician confirms signing with open queries. */
function updateSign(open: number): void {
  byId('confirm-row', HTMLElement).hidden = open === 0;
  byId('confirm-count', HTMLElement).textContent = String(open);
  signButton.disabled = open > 0 && !confirmOpen.checked;
  byId('sign-hint', HTMLElement).textContent = open === 0
    ? 'Every query is answered or dismissed.'
    : confirmOpen.checked
      ? `Signing with ${open} open ${open === 1 ? 'query' : 'queries'}: they stay open for the CDI specialist.`
      : `${open} ${open === 1 ? 'query is' : 'queries are'} still open: answer or dismiss ${open === 1 ? 'it' : 'them'}, or confirm to sign anyway.`;
}

function showSummary(summary: HandoffSummary): void {
  fill('open-list', 'open-count', summary.unanswered.map((q) => `${q.title}: ${q.question}`), 'None.');
  fill('answered-list', 'answered-count', summary.answered.map((a) => `${a.condition}: ${a.labels.join('; ')}`), 'None.');
  fill('dismissed-list', 'dismissed-count', summary.dismissed.map((d) => `${d.condition} "${d.evidence}": ${d.reason.replace(/-/g, ' ')}`), 'None.');
  fill('codes-list', null, [
    ...summary.codes.map((c) => `${c.condition}: ${codeText(c.now)}${c.now?.code !== c.before?.code ? ` (was ${codeText(c.before)})` : ''}`),
    summary.scope,
  ], 'No coded findings.');
  byId('review-loading', HTMLElement).hidden = true;
  byId('review-summary', HTMLElement).hidden = false;
  confirmOpen.checked = false;
  updateSign(summary.unanswered.length);
}

let openCount = 0;
byId('review', HTMLButtonElement).addEventListener('click', () => {
  byId('review-loading', HTMLElement).textContent = 'Checking the note…';
  byId('review-loading', HTMLElement).hidden = false;
  byId('review-summary', HTMLElement).hidden = true;
  signButton.disabled = true;
  dialog.showModal();
  clinician.handoff().then(
    (summary) => {
      openCount = summary.unanswered.length;
      showSummary(summary);
    },
    () => (byId('review-loading', HTMLElement).textContent = 'The review is unavailable right now (the analysis is not ready).'),
  );
});
confirmOpen.addEventListener('change', () => updateSign(openCount));
byId('review-close', HTMLButtonElement).addEventListener('click', () => dialog.close());
signButton.addEventListener('click', () => {
  dialog.close();
  signed.textContent = `Signed (demo) at ${new Date().toLocaleTimeString()}.`;
});
clinician.addEventListener('cdi-change', () => (signed.textContent = ''));

// "Send query" goes nowhere in the demo: it only says so.
clinician.addEventListener('cdi-query-send', (event) => {
  signed.textContent = `Query sent (demo): ${event.detail.query.title}.`;
});

load(0);
