/**
 * cdi-lint/plugin: DOM-facing adapters over the pure engine.
 *
 * For now one adapter: {@link attachTextareaLinter}, which lints a `<textarea>` and lists the
 * findings. (The ProseMirror editor plugin comes later and will live beside it.)
 */
import { analyze } from '../src/index.js';
import type { Analysis, AnalyzeOptions, Finding, Setting } from '../src/index.js';

/** Detail of the `cdi-findings` event. */
export interface FindingsEventDetail {
  /** The analysis just rendered; its spans index into `text`. */
  analysis: Analysis;
  /** The textarea value that was analysed. */
  text: string;
}

/** Fired on the textarea (bubbles, composed) each time the findings list has been re-rendered. */
export type FindingsEvent = CustomEvent<FindingsEventDetail>;

/** Name of the event fired after every render. */
export const FINDINGS_EVENT = 'cdi-findings';

declare global {
  interface HTMLElementEventMap {
    'cdi-findings': FindingsEvent;
  }
}

/** Options of {@link attachTextareaLinter}. */
export interface TextareaLinterOptions {
  /**
   * Care setting passed to `analyze`, or a function read at each analysis (so a `<select>` can
   * drive it: change the setting, then call `refresh()`). Default `inpatient`.
   */
  setting?: Setting | (() => Setting);
  /** Quiet time after the last `input` event before re-analysing, in ms. Default 150. */
  debounceMs?: number;
  /** The analyser to call; default the engine's `analyze`. A seam for tests and for caching or off-thread hosts. */
  analyze?: (text: string, options: AnalyzeOptions) => Analysis;
}

/** Handle returned by {@link attachTextareaLinter}. */
export interface TextareaLinter {
  /** Analyses the current value now (cancelling any pending debounced run), renders and returns the result. */
  refresh(): Analysis;
  /** Stops listening, cancels the pending run and empties the list. Idempotent. */
  destroy(): void;
}

/** CSS class names set on the rendered list items, for styling. */
export const CLASS = {
  item: 'cdi-finding',
  family: 'cdi-finding-family',
  axes: 'cdi-finding-axes',
  evidence: 'cdi-finding-evidence',
  message: 'cdi-finding-message',
  codes: 'cdi-finding-codes',
} as const;

const DEFAULT_DEBOUNCE_MS = 150;

/**
 * Lints `textarea` as the user types and renders the findings into `list` as `<li>` items.
 *
 * The value is analysed once immediately and again `debounceMs` after the last `input` event.
 * Each render replaces the list's children and then fires `cdi-findings` on the textarea.
 * Note text is only ever inserted as text nodes (never parsed as HTML). Clicking an item, or
 * pressing Enter/Space on it, focuses the textarea and selects the finding's evidence; if the
 * text changed since the analysis, it re-analyses first and selects the same finding only if it
 * still exists.
 */
export function attachTextareaLinter(
  textarea: HTMLTextAreaElement,
  list: HTMLElement,
  options: TextareaLinterOptions = {},
): TextareaLinter {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const run = options.analyze ?? analyze;
  const readSetting = (): Setting => {
    const setting = options.setting;
    return (typeof setting === 'function' ? setting() : setting) ?? 'inpatient';
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let analysedText = '';
  let findingsById = new Map<string, Finding>();
  let destroyed = false;

  const cancelPending = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const refresh = (): Analysis => {
    cancelPending();
    const text = textarea.value;
    const analysis = run(text, { setting: readSetting() });
    if (destroyed) return analysis;
    analysedText = text;
    findingsById = new Map(analysis.findings.map((f) => [f.id, f]));
    list.replaceChildren(...analysis.findings.map(renderFinding));
    textarea.dispatchEvent(
      new CustomEvent<FindingsEventDetail>(FINDINGS_EVENT, {
        detail: { analysis, text },
        bubbles: true,
        composed: true,
      }),
    );
    return analysis;
  };

  const onInput = (): void => {
    cancelPending();
    timer = setTimeout(refresh, debounceMs);
  };

  const select = (id: string): void => {
    if (textarea.value !== analysedText) refresh();
    const finding = findingsById.get(id);
    if (!finding) return;
    textarea.focus();
    textarea.setSelectionRange(finding.start, finding.end);
  };

  const itemId = (event: Event): string | undefined => {
    const target = event.target;
    if (!(target instanceof Element)) return undefined;
    const item = target.closest<HTMLElement>(`li.${CLASS.item}`);
    return item && list.contains(item) ? item.dataset.findingId : undefined;
  };

  const onClick = (event: MouseEvent): void => {
    const id = itemId(event);
    if (id !== undefined) select(id);
  };

  const onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const id = itemId(event);
    if (id === undefined) return;
    event.preventDefault();
    select(id);
  };

  textarea.addEventListener('input', onInput);
  list.addEventListener('click', onClick);
  list.addEventListener('keydown', onKeydown);
  refresh();

  return {
    refresh,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      cancelPending();
      textarea.removeEventListener('input', onInput);
      list.removeEventListener('click', onClick);
      list.removeEventListener('keydown', onKeydown);
      list.replaceChildren();
      findingsById.clear();
    },
  };
}

/** Creates an element whose content is `text` as a text node (never HTML). */
function textElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

/** A family id as words for display: `heart-failure` -> `heart failure`. The id stays in `data-family`. */
function familyLabel(family: string): string {
  return family.replace(/-/g, ' ');
}

/** Renders one finding as a focusable `<li>`; every piece of note or rule text goes in via `textContent`. */
function renderFinding(finding: Finding): HTMLLIElement {
  const item = document.createElement('li');
  item.className = `${CLASS.item} ${CLASS.item}--${finding.severity}`;
  item.dataset.findingId = finding.id;
  item.dataset.family = finding.family;
  item.tabIndex = 0;
  item.title = 'Select the evidence in the note';

  const head = document.createElement('div');
  head.append(
    textElement('strong', CLASS.family, familyLabel(finding.family)),
    ' ',
    textElement('span', CLASS.axes, `missing: ${finding.axes.join(', ')}`),
  );

  const evidence = textElement('q', CLASS.evidence, finding.text);
  const message = textElement('p', CLASS.message, finding.message);

  const { current, candidates } = finding.codes;
  const codes = textElement(
    'p',
    CLASS.codes,
    `${current.code} → ${candidates.map((c) => c.code).join(', ') || '(none)'}`,
  );
  codes.title = [
    `${current.code} ${current.title}`,
    ...candidates.map((c) => `${c.code} ${c.title}`),
  ].join('\n');

  item.append(head, evidence, message, codes);
  return item;
}
