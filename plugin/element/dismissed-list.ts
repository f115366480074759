/**
 * The "Dismissed (n)" list: every finding the clinician dismissed that is still in force, with its
 * words, its reason and a Restore button (one undo step, like the dismissal). Collapsed by default;
 * nothing is rendered while there is none.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Node } from 'prosemirror-model';
import type { Finding } from '../../src/index.js';
import type { Dismissal, DismissReason } from '../prosemirror/index.js';
import { textMap } from '../positions.js';
import { DISMISS_REASON_LABELS } from './events.js';
import { conditionLabel } from './labels.js';

/** A dismissal as the element reports it (`CdiEditor.dismissals`); offsets index the current text. */
export interface DismissedFinding {
  /** Pass to `restoreDismissal(key)`. */
  key: string;
  findingId: string;
  kind: Finding['kind'];
  family: Finding['family'];
  /** The words dismissed. */
  text: string;
  reason: DismissReason;
  start: number;
  end: number;
}

/** `dismissals` (in `doc`) as the element reports them, with offsets into the text of `doc`. */
export function dismissedFindings(dismissals: readonly Dismissal[], doc: Node): DismissedFinding[] {
  const map = textMap(doc);
  return dismissals.map((d) => ({
    key: d.key ?? '', findingId: d.findingId, kind: d.kind, family: d.family, text: d.text, reason: d.reason, ...map.toSpan(d),
  }));
}

/** What the list shows and calls back. */
export interface DismissedListProps {
  dismissals: readonly DismissedFinding[];
  readonly: boolean;
  onRestore: (key: string) => void;
}

/** Renders the list (a `<details>` whose summary reads "Dismissed (n)"). */
export function renderDismissedList(props: DismissedListProps): TemplateResult | typeof nothing {
  const { dismissals } = props;
  if (dismissals.length === 0) return nothing;
  return html`<details class="dismissed" part="dismissed">
    <summary>Dismissed (${dismissals.length})</summary>
    <ul class="dismissed-list" role="list">
      ${dismissals.map(
        (d) => html`<li data-dismissal=${d.key} data-finding-id=${d.findingId}>
          <span class="dismissed-what"><strong>${conditionLabel(d)}</strong> <q>${d.text}</q></span>
          <span class="dismissed-reason">${DISMISS_REASON_LABELS[d.reason]}</span>
          <button type="button" part="restore" class="restore" ?disabled=${props.readonly}
            aria-label=${`Restore ${conditionLabel(d)}: ${d.text}`} @click=${() => props.onRestore(d.key)}>Restore</button>
        </li>`,
      )}
    </ul>
  </details>`;
}
