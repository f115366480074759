/**
 * The popover of one finding: its message, the answers that would resolve it (one group per
 * missing axis) and a dismiss action with a reason. Rendered right after the editor in the shadow
 * DOM, so Tab from the editor reaches its first button.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { Finding } from '../../src/index.js';
import { answerGroups } from './answers.js';
import type { AnswerChoice } from './answers.js';
import { DISMISS_REASONS, DISMISS_REASON_LABELS } from './events.js';
import type { DismissReason } from './events.js';
import { renderCodes } from './findings-panel.js';
import { conditionLabel, SEVERITY_LABELS } from './labels.js';

/** What the popover shows and what it calls back. */
export interface FindingPopoverProps {
  finding: Finding;
  view: 'clinician' | 'cdi';
  /** Offsets inside the note column, in px. */
  top: number;
  left: number;
  /** When true, answers (which edit the text) are disabled. */
  readonly: boolean;
  onAnswer: (finding: Finding, choice: AnswerChoice) => void;
  onDismiss: (finding: Finding, reason: DismissReason) => void;
  onClose: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}

/**
 * Positions the popover through the CSSOM. Not a `style` attribute (nor `styleMap`, whose first
 * render writes one): a page whose Content-Security-Policy has no 'unsafe-inline' in `style-src`
 * refuses inline style attributes, and the popover would lose its place.
 */
function place(el: Element | undefined, top: number, left: number): void {
  if (!(el instanceof HTMLElement)) return;
  el.style.top = `${top}px`;
  el.style.left = `${left}px`;
}

/** Renders the popover (a labelled group, not modal). */
export function renderFindingPopover(props: FindingPopoverProps): TemplateResult {
  const { finding } = props;
  const severity = SEVERITY_LABELS[finding.severity];
  const groups = answerGroups(finding);
  const reasonId = 'popover-reason';
  const keydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    props.onClose();
  };
  const dismiss = (event: Event): void => {
    const root = (event.currentTarget as HTMLElement).closest('.popover');
    const select = root?.querySelector<HTMLSelectElement>(`#${reasonId}`);
    const reason = (select?.value ?? 'other') as DismissReason;
    props.onDismiss(finding, reason);
  };
  return html`<div
    class="popover"
    part="popover"
    role="group"
    aria-labelledby="popover-title"
    data-finding-id=${finding.id}
    ${ref((el) => place(el, props.top, props.left))}
    @keydown=${keydown}
    @pointerenter=${props.onPointerEnter}
    @pointerleave=${props.onPointerLeave}
  >
    <p id="popover-title"><strong><span aria-hidden="true">${severity.icon}</span> ${severity.text}: ${conditionLabel(finding)}</strong></p>
    <p id="popover-message" part="popover-message">${finding.message}</p>
    ${props.view === 'cdi' ? html`<p>${renderCodes(finding)}</p>` : nothing}
    ${groups.map(
      (group) => html`<fieldset>
        <legend>State the ${group.label}</legend>
        <div class="choices">
          ${group.choices.map(
            (choice) => html`<button
              type="button"
              part="answer"
              data-axis=${choice.axis}
              data-value=${choice.value}
              ?disabled=${props.readonly}
              @click=${() => props.onAnswer(finding, choice)}
            >${choice.wording}</button>`,
          )}
        </div>
      </fieldset>`,
    )}
    <div class="dismiss">
      <label for=${reasonId}>Dismiss:</label>
      <select id=${reasonId} part="dismiss-reason">
        ${DISMISS_REASONS.map((r) => html`<option value=${r}>${DISMISS_REASON_LABELS[r]}</option>`)}
      </select>
      <button type="button" part="dismiss" class="dismiss-button" @click=${dismiss}>Dismiss</button>
    </div>
  </div>`;
}
