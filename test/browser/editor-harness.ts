/**
 * Helpers for browser tests of `<cdi-editor>`: a connected element with inline analysis, its
 * ProseMirror view, waiting for the analysis to settle, opening popovers from the panel, keyboard
 * chords (the puppeteer launcher takes no combined keys). Waits are on state, never on sleeps.
 */
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import type { EditorView } from 'prosemirror-view';
import '../../plugin/element/cdi-editor.js';
import type { CdiEditor } from '../../plugin/element/cdi-editor.js';
import type { CdiEventMap } from '../../plugin/element/events.js';
import { cdiLintKey, reanalyze } from '../../plugin/prosemirror/index.js';
import type { AnalysisProvider } from '../../plugin/prosemirror/index.js';

export function nextEvent<K extends keyof CdiEventMap>(target: EventTarget, name: K): Promise<CdiEventMap[K]> {
  return new Promise((resolve) => target.addEventListener(name, (e) => resolve(e as CdiEventMap[K]), { once: true }));
}

/**
 * A connected `<cdi-editor>` (inline analysis unless `attrs` says otherwise, or on `analyzer` when
 * given) with its first findings rendered.
 */
export async function editorWith(value: string, attrs: Record<string, string> = { analysis: 'inline' }, analyzer?: AnalysisProvider): Promise<CdiEditor> {
  const main = document.createElement('main');
  const el = document.createElement('cdi-editor');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (analyzer) el.analyzer = analyzer;
  el.value = value;
  const findings = nextEvent(el, 'cdi-findings');
  main.append(el);
  document.body.append(main);
  if (value !== '') await findings;
  else await settle(el);
  await el.updateComplete;
  return el;
}

/** The element's ProseMirror view (a test reaches inside; hosts use the element's API). */
export function viewOf(el: CdiEditor): EditorView {
  const view = (el as unknown as { editor: { view: EditorView | undefined } }).editor.view;
  expect(view, 'a mounted editor view').to.not.equal(undefined);
  return view!;
}

/** Analyses the note now and resolves once the result is in (no debounce, no sleep). */
export async function settle(el: CdiEditor): Promise<void> {
  await el.updateComplete;
  const view = viewOf(el);
  reanalyze(view.state, view.dispatch);
  for (let i = 0; i < 500; i++) {
    await new Promise((r) => setTimeout(r, 0));
    const plugin = cdiLintKey.getState(view.state);
    if (plugin && plugin.pending === null && plugin.status === 'ready') break;
  }
  await el.updateComplete;
}

/** Resolves after the next frame (ProseMirror reads a keyboard selection change on \`selectionchange\`). */
export async function frame(el: CdiEditor): Promise<void> {
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  await el.updateComplete;
}

/** Waits frame by frame (at most about a second) until `ready()` holds; resolves either way. */
export async function until(el: CdiEditor, ready: () => boolean): Promise<void> {
  for (let i = 0; i < 60 && !ready(); i++) await frame(el);
}

export async function chord(modifiers: string[], key: string): Promise<void> {
  for (const m of modifiers) await sendKeys({ down: m });
  await sendKeys({ press: key });
  for (const m of [...modifiers].reverse()) await sendKeys({ up: m });
}

export function shadow(el: CdiEditor): ShadowRoot {
  return el.shadowRoot!;
}

/** Opens the popover of finding `id` from the panel. */
export async function openPopover(el: CdiEditor, id: string): Promise<HTMLElement> {
  shadow(el).querySelector<HTMLButtonElement>(`.panel button[data-finding-id="${CSS.escape(id)}"]`)!.click();
  await el.updateComplete;
  const popover = shadow(el).querySelector<HTMLElement>('.popover');
  expect(popover?.dataset.findingId, 'popover of the chosen finding').to.equal(id);
  return popover!;
}

export function optionButton(el: CdiEditor, item: string, id: string): HTMLButtonElement {
  const button = shadow(el).querySelector<HTMLButtonElement>(`.popover button[data-item="${item}"][data-option="${id}"]`);
  const shown = [...shadow(el).querySelectorAll<HTMLElement>('.popover button[data-option]')].map((b) => `${b.dataset.item}/${b.dataset.option}`);
  expect(button, `option ${item}/${id} (shown: ${shown.join(' ')})`).to.not.equal(null);
  return button!;
}

/** The preview an option shows ("Acute CHF"), '' when it writes nothing. */
export function previewOf(button: HTMLElement): string {
  return button.querySelector<HTMLElement>('.preview')?.dataset.preview ?? '';
}

export function findingOf(el: CdiEditor, family: string) {
  const finding = el.findings.find((f) => f.family === family);
  expect(finding, `a ${family} finding`).to.not.equal(undefined);
  return finding!;
}

/** Types `text` into the "Other" box of `item` (opening it) without pressing Enter. */
export async function typeOther(el: CdiEditor, item: string, text: string): Promise<HTMLInputElement> {
  shadow(el).querySelector<HTMLButtonElement>(`.popover button[data-item="${item}"][data-role="other"]`)!.click();
  await el.updateComplete;
  const input = shadow(el).querySelector<HTMLInputElement>(`.popover input[part="other-input"][data-item="${item}"]`)!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  return input;
}

/** Presses Enter in an "Other" box. */
export function enter(input: HTMLInputElement): void {
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
}

/** Pastes plain text at the selection, as the browser's paste event delivers it. */
export function paste(view: EditorView, text: string): void {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  view.dom.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}

export function removeEditors(): void {
  for (const main of document.querySelectorAll('main')) main.remove();
}
