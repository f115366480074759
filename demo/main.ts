/**
 * The demo page: two `<cdi-editor>`s side by side, the clinician's (editable, no codes) and a CDI
 * specialist's read-only mirror with codes and counts; a sample-note picker and a setting select.
 * Loaded as a module script (no inline script or style, so the page runs under a strict CSP).
 */
import '../plugin/element/cdi-editor.js';
import type { CdiEditor } from '../plugin/element/cdi-editor.js';
import type { Setting } from '../src/types.js';
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

load(0);
