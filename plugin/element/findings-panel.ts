/**
 * The findings panel: a labelled list of the visible findings, each a button that selects its
 * words in the editor. The `cdi` view adds counts by condition and the codes of each finding.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Finding } from '../../src/index.js';
import type { Query } from '../../src/queries/types.js';
import { conditionLabel, confidenceMark, countsByCondition, SEVERITY_LABELS } from './labels.js';
import { conditionHeading, statementLine } from '../../src/queries/present.js';

/** What the panel shows and what it calls back. */
export interface FindingsPanelProps {
  findings: readonly Finding[];
  /** The query of each finding that has one, by finding id. */
  queries: ReadonlyMap<string, Query>;
  /** `cdi` shows codes and counts; `clinician` shows no codes. */
  view: 'clinician' | 'cdi';
  /** Id of the finding whose words are selected, if any (marked `aria-current`). */
  activeId: string | null;
  /** False until the first analysis has finished (the list then says so instead of "no findings"). */
  analysed: boolean;
  onSelect: (id: string) => void;
}

/** The code lines of a finding, for the CDI view. */
export function renderCodes(finding: Finding): TemplateResult {
  const { current, candidates } = finding.codes;
  return html`<span class="codes" part="codes">
    <span>Supports now:
      ${current ? html`<code title=${current.title}>${current.code}</code> ${current.title}` : html`no code`}</span>
    ${candidates.length > 0
      ? html`<span class="codes-candidates">With an answer:
          ${candidates.map((c, i) => html`${i > 0 ? ', ' : ''}<code title=${c.title}>${c.code}</code>`)}</span>`
      : nothing}
  </span>`;
}

/** Renders the panel (a `<section>` labelled by its heading). */
export function renderFindingsPanel(props: FindingsPanelProps): TemplateResult {
  const { findings, view } = props;
  return html`<section class="panel" part="panel" aria-labelledby="panel-title">
    <h2 id="panel-title" part="panel-heading">Findings <span class="count">(${findings.length})</span></h2>
    ${view === 'cdi' && findings.length > 0
      ? html`<ul class="summary" part="summary" aria-label="Findings by condition">
          ${countsByCondition(findings, (f) => {
            const query = props.queries.get(f.id);
            return query ? conditionHeading(query) : conditionLabel(f);
          }).map(([name, n]) => html`<li>${name}: <strong>${n}</strong></li>`)}
        </ul>`
      : nothing}
    ${findings.length === 0
      ? html`<p class="empty">${props.analysed ? 'No findings.' : 'Checking the note…'}</p>`
      : nothing}
    <ul class="list" role="list" aria-labelledby="panel-title">
      ${findings.map((finding, index) => {
        const severity = SEVERITY_LABELS[finding.severity];
        const query = props.queries.get(finding.id);
        // A short accessible name (condition and words); the message, query and codes are its description.
        const detailId = `finding-detail-${index}`;
        const low = confidenceMark(finding);
        return html`<li class="item item--${finding.severity}${low ? ' item--low-confidence' : ''}" part="finding finding-${finding.severity}" data-confidence=${finding.confidence ?? 'high'}>
          <button
            type="button"
            class="item-title"
            data-finding-id=${finding.id}
            aria-current=${props.activeId === finding.id ? 'true' : nothing}
            aria-describedby=${detailId}
            @click=${() => props.onSelect(finding.id)}
          ><span class="severity severity--${finding.severity}"><span aria-hidden="true">${severity.icon}</span> ${severity.text}:</span>
            <strong>${query ? conditionHeading(query) : conditionLabel(finding)}</strong>
            <q class="evidence" part="finding-evidence">${finding.text}</q></button>
          <div id=${detailId} class="item-detail">
            ${low ? html`<span class="confidence" part="confidence">${low}</span>` : nothing}
            <span class="message" part="finding-message">${query ? statementLine(query) : finding.message}</span>
            ${query
              ? html`<details class="panel-query" part="finding-query">
                  <summary>Query</summary>
                  <span class="question">${query.question}</span>
                  ${query.indicators.length > 0
                    ? html`<span class="panel-indicators">Indicators: ${query.indicators.map((i, n) => html`${n > 0 ? '; ' : ''}<q>${i.text}</q>`)}</span>`
                    : nothing}
                  <span class="panel-options">Options: ${query.items.map((item, n) => html`${n > 0 ? ' · ' : ''}${item.prompt}: ${item.options.map((o) => o.label).join(', ')}`)}</span>
                </details>`
              : nothing}
            ${view === 'cdi' ? renderCodes(finding) : nothing}
          </div>
        </li>`;
      })}
    </ul>
  </section>`;
}
