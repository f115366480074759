/**
 * The popover of one finding, answerable in two seconds: the condition in plain words, one line
 * of what to state (narrowed as items are answered), the clinical indicators quoted from the note,
 * and one group of options per item: at most about seven clinically reasonable values in clinical
 * order (the rest behind "More"), "Other (please specify)", "Clinically undetermined". The neutral
 * question is read by screen readers (it labels the options) and shown in the `cdi` view, with
 * "Send query"; then a dismiss action with a reason. Placed by {@link PopoverPositioner}.
 * Rendered right after the editor in the shadow DOM, so Tab from the editor reaches its first button. Every string from the note or the query is a text binding.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { Finding } from '../../src/index.js';
import type { ItemAnswer, Query, QueryItem, QueryOption } from '../../src/queries/types.js';
import type { AnswerPreview } from '../prosemirror/answer.js';
import { DISMISS_REASONS, DISMISS_REASON_LABELS } from './events.js';
import type { DismissReason } from './events.js';
import { renderCodes } from './findings-panel.js';
import { confidenceMark, SEVERITY_LABELS } from './labels.js';
import { splitOptions, statementLine } from '../../src/queries/present.js';
import type { AnchorRect, PopoverPositioner } from './popover-position.js';

/** What the popover shows and what it calls back. */
export interface FindingPopoverProps {
  finding: Finding;
  /** The finding's query, when the analyser drafted one. */
  query: Query | undefined;
  /** Choices already made in this popover (a query with several items is answered one item at a time). */
  chosen: readonly ItemAnswer[];
  /** The item whose "Other (please specify)" text box is open, if any. */
  otherItem: string | null;
  /** The text typed in that box so far (previewed live). */
  otherText: string;
  /** What choosing an option would write (with "Other" text), or null when it cannot be written now. */
  preview: (itemId: string, option: QueryOption, text?: string) => AnswerPreview | null;
  /** True after Dismiss was pressed with no reason chosen: the popover asks for one. */
  dismissHint: boolean;
  /** True once the query was sent (`cdi` view). */
  sent: boolean;
  view: 'clinician' | 'cdi';
  /** The finding's words on screen, which the popover points at. */
  anchor: AnchorRect;
  /** Places the popover (Floating UI; a bottom sheet on narrow screens). */
  positioner: PopoverPositioner;
  /** The editor, whose scrolling the popover follows. */
  context?: Element;
  /** When true, answers are disabled. */
  readonly: boolean;
  onChoose: (itemId: string, option: QueryOption, text?: string) => void;
  onOther: (itemId: string) => void;
  onOtherInput: (itemId: string, text: string) => void;
  onSend: () => void;
  /** Dismiss was pressed; `reason` is empty when none was chosen. */
  onDismiss: (reason: DismissReason | '') => void;
  onClose: () => void;
  onUndo: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}

/** Arrow keys, Home and End move between the options of one item (Tab moves between items). */
function moveAmongOptions(event: KeyboardEvent): void {
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
  if (step === undefined && event.key !== 'Home' && event.key !== 'End') return;
  const current = event.target;
  if (!(current instanceof HTMLButtonElement) || !current.matches('[data-option]')) return;
  const options = [...(current.closest('fieldset')?.querySelectorAll<HTMLButtonElement>('button[data-option]') ?? [])];
  const index = options.indexOf(current);
  const next = event.key === 'Home' ? 0 : event.key === 'End' ? options.length - 1 : (index + step! + options.length) % options.length;
  event.preventDefault();
  options[next]?.focus();
}

/** Focuses an element once it is rendered (the "Other" text box when it opens). */
function focusOnRender(el: Element | undefined): void {
  if (el instanceof HTMLInputElement && el.dataset.focused === undefined) {
    el.dataset.focused = '';
    queueMicrotask(() => el.focus());
  }
}

/** The preview line of an option: the words as the note will read them, or what it records. */
function renderPreview(preview: AnswerPreview | null, option: QueryOption): TemplateResult | typeof nothing {
  if (option.role === 'other') return nothing;
  if (option.role === 'undetermined' || option.role === 'not-significant') {
    return html`<span class="preview" part="answer-preview" data-preview="">Writes nothing; hides the finding</span>`;
  }
  if (!preview || preview.phrase === '') return nothing;
  return html`<span class="preview" part="answer-preview" data-preview=${preview.phrase}>→ ${preview.phrase}</span>`;
}

/** What the "Other" text typed so far would write, or null. */
function otherPreview(props: FindingPopoverProps, item: QueryItem, other: QueryOption): string | null {
  if (props.otherText.trim() === '') return null;
  return props.preview(item.id, other, props.otherText)?.phrase ?? null;
}

function renderItem(props: FindingPopoverProps, item: QueryItem, index: number): TemplateResult {
  const chosen = props.chosen.find((c) => c.itemId === item.id);
  const otherId = `other-${index}`;
  const otherKeydown = (option: QueryOption) => (event: KeyboardEvent): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const text = (event.currentTarget as HTMLInputElement).value.trim();
    if (text !== '') props.onChoose(item.id, option, text);
  };
  const other = item.options.find((o) => o.role === 'other');
  // At most about seven answers in clinical order, the rest behind "More"; "Other" and
  // "Clinically undetermined" always shown.
  const split = splitOptions(item, chosen?.optionId);
  const optionButton = (option: QueryOption): TemplateResult => html`<button
          type="button"
          part="answer"
          class="option option--${option.role}"
          data-item=${item.id}
          data-option=${option.id}
          data-role=${option.role}
          aria-pressed=${chosen?.optionId === option.id ? 'true' : 'false'}
          ?disabled=${props.readonly}
          @click=${() => (option.role === 'other' ? props.onOther(item.id) : props.onChoose(item.id, option))}
        ><span class="option-label">${option.label}</span>${renderPreview(option.role === 'other' ? null : props.preview(item.id, option), option)}</button>`;
  return html`<fieldset class="query-item" data-item=${item.id}>
    <legend>${item.prompt}</legend>
    <div class="choices">
      ${split.shown.map(optionButton)}
      ${split.more.length > 0
        ? html`<details class="more" part="more"><summary>More (${split.more.length})</summary><div class="choices">${split.more.map(optionButton)}</div></details>`
        : nothing}
      ${split.extra.map(optionButton)}
    </div>
    ${other && props.otherItem === item.id && !props.readonly
      ? html`<div class="other">
          <label for=${otherId}>${other.label}:</label>
          <input id=${otherId} type="text" part="other-input" data-item=${item.id} aria-describedby="other-hint other-preview" autocomplete="off"
            .value=${props.otherText} ${ref(focusOnRender)} @keydown=${otherKeydown(other)}
            @input=${(e: Event) => props.onOtherInput(item.id, (e.currentTarget as HTMLInputElement).value)} />
          <span id="other-preview" class="preview other-preview" part="answer-preview" data-preview=${otherPreview(props, item, other) ?? ''}>${
            otherPreview(props, item, other) === null ? 'Type the words; the note shows them before Enter writes them.' : html`Writes: <q>${otherPreview(props, item, other)}</q>`}</span>
          <span id="other-hint" class="hint">Enter writes it into the note.</span>
        </div>`
      : nothing}
  </fieldset>`;
}

function renderQuery(props: FindingPopoverProps, query: Query): TemplateResult {
  return html`<div class="query" role="group" aria-labelledby="query-question" @keydown=${moveAmongOptions}>
    <p id="query-question" class=${props.view === 'cdi' ? 'question' : 'question visually-hidden'} part="query-question">${query.question}</p>
    ${query.indicators.length > 0
      ? html`<p class="indicators-title">From the note:</p>
          <ul class="indicators" part="indicators">
            ${query.indicators.map((i) => html`<li title=${i.text}><q>${i.text}</q></li>`)}
          </ul>`
      : nothing}
    ${query.items.map((item, index) => renderItem(props, item, index))}
    ${props.view === 'cdi'
      ? html`<div class="send">
          <button type="button" part="send-query" class="send-button" @click=${props.onSend}>Send query</button>
          ${props.sent ? html`<span class="hint">Query sent.</span>` : nothing}
        </div>`
      : nothing}
  </div>`;
}

/** Renders the popover (a labelled group, not modal). */
export function renderFindingPopover(props: FindingPopoverProps): TemplateResult {
  const { finding, query } = props;
  const severity = SEVERITY_LABELS[finding.severity];
  const reasonId = 'popover-reason';
  const keydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      props.onClose();
    } else if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z'
      && !(event.target instanceof HTMLInputElement)) {
      // Undo from the popover undoes the answer just written, as it would in the note.
      event.preventDefault();
      props.onUndo();
    }
  };
  const dismiss = (event: Event): void => {
    const root = (event.currentTarget as HTMLElement).closest('.popover');
    const select = root?.querySelector<HTMLSelectElement>(`#${reasonId}`);
    const reason = (select?.value ?? '') as DismissReason | '';
    props.onDismiss(reason);
    if (reason === '') select?.focus();
  };
  return html`<div
    class="popover"
    part="popover"
    role="group"
    aria-labelledby="popover-title"
    data-finding-id=${finding.id}
    ${ref((el) => props.positioner.attach(el, props.anchor, props.context))}
    @keydown=${keydown}
    @pointerenter=${props.onPointerEnter}
    @pointerleave=${props.onPointerLeave}
  >
    <p id="popover-title" class="popover-title"><span aria-hidden="true">${severity.icon}</span>
      <strong id="popover-message" part="popover-message">${query ? statementLine(query, props.chosen) : `${severity.text}: ${finding.message}`}</strong></p>
    ${confidenceMark(finding) ? html`<p class="confidence" part="confidence">${confidenceMark(finding)}</p>` : nothing}
    ${props.view === 'cdi' ? html`<p>${renderCodes(finding)}</p>` : nothing}
    ${query ? renderQuery(props, query) : nothing}
    <div class="dismiss">
      <label for=${reasonId}>Dismiss:</label>
      <select id=${reasonId} part="dismiss-reason" aria-describedby=${props.dismissHint ? 'dismiss-hint' : nothing}>
        <option value="" selected>Choose a reason…</option>
        ${DISMISS_REASONS.map((r) => html`<option value=${r}>${DISMISS_REASON_LABELS[r]}</option>`)}
      </select>
      <button type="button" part="dismiss" class="dismiss-button" @click=${dismiss}>Dismiss</button>
      <button type="button" class="close" part="close" title="Close (Esc)" @click=${props.onClose}>Close</button>
      ${props.dismissHint ? html`<span id="dismiss-hint" class="hint">Choose a reason before dismissing.</span>` : nothing}
    </div>
  </div>`;
}
