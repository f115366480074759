/**
 * The query list of the CDI workspace and its "Dismissed (n)" list, as render functions inside
 * `<cdi-workspace>`. Each card has a short accessible name (condition, words, status) and its
 * details (what to state, the codes) as its description. Every string from the note is a text
 * binding.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { statementLine } from '../../src/queries/present.js';
import { codesOf, rowCondition, STATUS_LABELS, type WorkspaceRow } from './workspace-model.js';
import { confidenceMark } from './labels.js';

/** What the lists show and call back. */
export interface QueryListProps {
  rows: readonly WorkspaceRow[];
  /** Candidate codes listed per finding before "and n more". */
  codeCap: number;
  /** False when the editor cannot send (no source): the Send buttons are hidden. */
  canSend: boolean;
  onShow: (row: WorkspaceRow) => void;
  onSend: (row: WorkspaceRow) => void;
}

/** Current code → capped candidates, each code with its title. */
function renderCodes(row: WorkspaceRow, cap: number): TemplateResult {
  const { current, candidates, more } = codesOf(row.finding, cap);
  return html`<p class="codes" part="codes">
    <span class="code-now">${current ? html`<code>${current.code}</code> ${current.title}` : 'no code yet'}</span>
    ${candidates.length > 0
      ? html`<span class="code-arrow" aria-label="with an answer:">→</span>
          <span class="code-candidates">${candidates.map((c, i) => html`${i > 0 ? html`<span class="sep">, </span>` : nothing}<span class="code"><code>${c.code}</code> ${c.title}</span>`)}${more > 0 ? html` <span class="more-codes">and ${more} more</span>` : nothing}</span>`
      : nothing}
  </p>`;
}

function renderRow(props: QueryListProps, row: WorkspaceRow, index: number): TemplateResult {
  const condition = rowCondition(row);
  const titleId = `q-title-${index}`;
  const detailId = `q-detail-${index}`;
  const status = STATUS_LABELS[row.status];
  const statement = row.query ? statementLine(row.query) : row.finding.message;
  const low = confidenceMark(row.finding);
  return html`<li class="card card--${row.status}${low ? ' card--low-confidence' : ''}" part="query query-${row.status}" data-key=${row.key} data-status=${row.status} data-confidence=${row.finding.confidence ?? 'high'}>
    <div class="card-head">
      <span class="badge badge--${row.status}" part="status">${status}</span>
      ${row.visible
        ? html`<button type="button" class="card-title link" id=${titleId} aria-describedby=${detailId} data-finding-id=${row.finding.id}
            aria-label=${`${condition}: ${row.finding.text}, ${status.toLowerCase()}`} @click=${() => props.onShow(row)}>
            <strong>${condition}</strong> <q class="evidence">${row.finding.text}</q></button>`
        : html`<span class="card-title" id=${titleId}><strong>${condition}</strong> <q class="evidence">${row.finding.text}</q></span>`}
    </div>
    <div id=${detailId} class="card-detail">
      ${low ? html`<p class="confidence" part="confidence">${low}</p>` : nothing}
      <p class="statement">${row.detail !== '' ? html`<span class="answer-detail">${row.detail}.</span> ` : nothing}${row.status === 'auto-resolved' ? 'The note no longer needs this query.' : row.status === 'answered' || row.status === 'dismissed' ? nothing : statement}</p>
      ${renderCodes(row, props.codeCap)}
    </div>
    ${row.visible && props.canSend && row.query
      ? html`<div class="card-actions">
          <button type="button" class="action" part="send-query" data-finding-id=${row.finding.id} aria-label=${`Send query: ${condition}`}
            ?disabled=${row.status === 'sent'} @click=${() => props.onSend(row)}>${row.status === 'sent' ? 'Sent' : 'Send query'}</button>
        </div>`
      : nothing}
  </li>`;
}

/** The query list: every row not dismissed (dismissed rows have their own list). */
export function renderQueryList(props: QueryListProps): TemplateResult {
  const rows = props.rows.filter((r) => r.status !== 'dismissed');
  return html`<section class="queries" aria-labelledby="queries-title">
    <h3 id="queries-title" class="subheading">Queries <span class="count">(${rows.length})</span></h3>
    ${rows.length === 0
      ? html`<p class="empty">No queries yet. Findings in the note appear here as queries.</p>`
      : html`<ul class="cards" role="list" aria-labelledby="queries-title">${rows.map((r, i) => renderRow(props, r, i))}</ul>`}
  </section>`;
}

/** One dismissed finding as the workspace lists it. */
export interface DismissedEntry {
  /** What Restore passes back (the editor's dismissal key). */
  key: string;
  condition: string;
  text: string;
  reason: string;
}

/** What the dismissed list shows and calls back. */
export interface DismissedListProps {
  entries: readonly DismissedEntry[];
  /** False when the editor offers no restore: the buttons are disabled. */
  canRestore: boolean;
  onRestore: (entry: DismissedEntry) => void;
}

/** "Dismissed (n)": each dismissed finding with its reason and a Restore button. */
export function renderDismissedList(props: DismissedListProps): TemplateResult {
  const { entries } = props;
  return html`<section class="dismissed" aria-labelledby="dismissed-title" part="dismissed">
    <h3 id="dismissed-title" class="subheading">Dismissed <span class="count">(${entries.length})</span></h3>
    ${entries.length === 0
      ? html`<p class="empty">Nothing dismissed.</p>`
      : html`<ul class="cards" role="list" aria-labelledby="dismissed-title">
          ${entries.map((entry, i) => html`<li class="card card--dismissed" data-key=${entry.key} data-status="dismissed">
              <div class="card-head">
                <span class="card-title"><strong>${entry.condition}</strong> <q class="evidence">${entry.text}</q></span>
              </div>
              <p class="statement" id=${`d-detail-${i}`}>Reason: ${entry.reason || 'none given'}.</p>
              <div class="card-actions">
                <button type="button" class="action" part="restore" aria-label=${`Restore ${entry.condition}: ${entry.text}`}
                  aria-describedby=${`d-detail-${i}`} ?disabled=${!props.canRestore} @click=${() => props.onRestore(entry)}>Restore</button>
              </div>
            </li>`)}
        </ul>`}
  </section>`;
}
