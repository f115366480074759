/**
 * The export actions of the CDI workspace, as a render function inside `<cdi-workspace>`: copy or
 * download the open queries (plain text, JSON, FHIR R4 Bundle) and the audit trail (JSON Lines).
 * The content comes from the editor's `exportQueries(format)` and `auditTrail()`; nothing is sent
 * anywhere (a download is a local Blob).
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { WorkspaceSource } from './workspace-tracker.js';

/** The exports offered. */
export type ExportKind = 'text' | 'json' | 'fhir' | 'audit';

/** File name, MIME type and words of each export. */
export const EXPORTS: Readonly<Record<ExportKind, { file: string; type: string; label: string; what: string }>> = {
  text: { file: 'cdi-queries.txt', type: 'text/plain', label: 'Text', what: 'the open queries as text' },
  json: { file: 'cdi-queries.json', type: 'application/json', label: 'JSON', what: 'the open queries as JSON' },
  fhir: { file: 'cdi-queries.fhir.json', type: 'application/fhir+json', label: 'FHIR Bundle', what: 'the open queries as a FHIR Bundle (R4)' },
  audit: { file: 'cdi-audit.jsonl', type: 'application/x-ndjson', label: 'Audit trail', what: 'the audit trail as JSON Lines' },
};

/** The content of one export, as text. Rejects when the editor cannot export (its analyser is down). */
export async function exportContent(source: WorkspaceSource, kind: ExportKind): Promise<string> {
  if (kind === 'audit') return source.auditTrail();
  if (kind === 'text') return source.exportQueries('text');
  return `${JSON.stringify(await source.exportQueries(kind), null, 2)}\n`;
}

/** Where exported content goes: the default saves a file or copies to the clipboard; tests replace it. */
export interface ExportSink {
  save(content: string, kind: ExportKind): void | Promise<void>;
  copy(content: string, kind: ExportKind): void | Promise<void>;
}

/** Saves through a local Blob URL and a `download` link (no network, CSP-safe). */
function saveFile(content: string, kind: ExportKind): void {
  const { file, type } = EXPORTS[kind];
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The browser's sink: files and the asynchronous clipboard. */
export const browserSink: ExportSink = {
  save: saveFile,
  copy: (content) => navigator.clipboard.writeText(content),
};

/** What the export buttons show and call back. */
export interface ExportButtonsProps {
  /** False while there is no editor to export from. */
  enabled: boolean;
  /** The last export's outcome, shown under the buttons ("Copied …"). */
  message: string;
  onCopy: (kind: ExportKind) => void;
  onSave: (kind: ExportKind) => void;
}

/** Two groups of buttons: copy, and download in each format. */
export function renderExportButtons(props: ExportButtonsProps): TemplateResult {
  const kinds: ExportKind[] = ['text', 'json', 'fhir', 'audit'];
  return html`<div class="exports" part="exports" role="group" aria-labelledby="exports-title">
    <h3 id="exports-title" class="subheading">Export</h3>
    <div class="export-row" role="group" aria-label="Copy to the clipboard">
      <span class="export-label" aria-hidden="true">Copy</span>
      ${kinds.map((k) => html`<button type="button" class="action" part="export-copy" data-export=${k} data-action="copy"
        aria-label=${`Copy ${EXPORTS[k].what}`} ?disabled=${!props.enabled} @click=${() => props.onCopy(k)}>${EXPORTS[k].label}</button>`)}
    </div>
    <div class="export-row" role="group" aria-label="Download a file">
      <span class="export-label" aria-hidden="true">Download</span>
      ${kinds.map((k) => html`<button type="button" class="action" part="export-save" data-export=${k} data-action="save"
        aria-label=${`Download ${EXPORTS[k].what} (${EXPORTS[k].file})`} ?disabled=${!props.enabled} @click=${() => props.onSave(k)}>${EXPORTS[k].label}</button>`)}
    </div>
    <p class="export-status" aria-hidden="true">${props.message}</p>
  </div>`;
}
