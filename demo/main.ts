/**
 * The demo page: two `<cdi-editor>`s side by side, the clinician's (editable, no codes) and a CDI
 * specialist's read-only mirror with codes and counts; a sample-note picker and a setting select.
 * Loaded as a module script (no inline script or style, so the page runs under a strict CSP).
 */
import '../plugin/element/cdi-editor.js';
import type { CdiEditor } from '../plugin/element/cdi-editor.js';
import type { CodeRef, Setting } from '../src/types.js';
import type { HandoffSummary } from '../src/queries/types.js';
import { SAMPLE_NOTES } from './samples.js';

/** Quiet time before the CDI mirror takes the clinician's latest text, in ms. */
const MIRROR_DELAY_MS = 300;

function byId<T extends HTMLElement>(id: string, type: abstract new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`demo: #${id} is missing or not a ${type.name}`);
  return element;
}

const clinician = byId('clinician', HTMLElement) as CdiEditor;
const cdi = byId('cdi', HTMLElement) as CdiEditor;
const sample = byId('sample', HTMLSelectElement);
const setting = byId('setting', HTMLSelectElement);

for (const [index, note] of SAMPLE_NOTES.entries()) sample.add(new Option(note.title, String(index)));

function load(index: number): void {
  const text = SAMPLE_NOTES[index]?.text ?? '';
  clinician.value = text;
  cdi.value = text;
}

let mirrorTimer: ReturnType<typeof setTimeout> | undefined;
clinician.addEventListener('cdi-change', () => {
  clearTimeout(mirrorTimer);
  mirrorTimer = setTimeout(() => (cdi.value = clinician.value), MIRROR_DELAY_MS);
});

sample.addEventListener('change', () => load(Number(sample.value)));
setting.addEventListener('change', () => {
  const value: Setting = setting.value === 'outpatient' ? 'outpatient' : 'inpatient';
  clinician.setting = value;
  cdi.setting = value;
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

// The CDI view's "Send query" goes nowhere in the demo: it only says so.
cdi.addEventListener('cdi-query-send', (event) => {
  signed.textContent = `Query sent (demo): ${event.detail.query.title}.`;
});

load(0);
