/**
 * Query work that needs the engine: drafting (and linting) a query for each finding, the text edit
 * of an answer, the hand-off summary and the exports. Synchronous and pure; it runs inside the
 * analysis worker (plugin/worker/worker.ts) or, for `analysis="inline"`, in the page through the
 * lazily loaded inline analyser. The element itself never imports this module.
 */
import { analyze } from '../../src/index.js';
import type { Analysis, AnalyzeOptions, Finding } from '../../src/types.js';
import { answerWriting, applyAnswerToText, draftQuery, handoff, lintQuery, queriesToBundle, queryToText } from '../../src/queries/index.js';
import type { HandoffState, HandoffSummary, Query, TextEdit } from '../../src/queries/types.js';
import type { AnswerEditRequest, ExportRequest, HandoffRequest, QueriedAnalysis, QueryExports } from './types.js';

/** The analysis of `text` with the linted query draft of each finding. */
export function analyzeWithQueries(text: string, options: AnalyzeOptions, run: (text: string, options: AnalyzeOptions) => Analysis = analyze): QueriedAnalysis {
  const analysis = run(text, options);
  return { ...analysis, queries: draftAll(analysis, text) };
}

function draftAll(analysis: Analysis, text: string): Record<string, Query> {
  const queries: Record<string, Query> = {};
  for (const finding of analysis.findings) {
    try {
      const query = draftQuery(finding, text, { analysis });
      // draftQuery lints its own drafts; checked again here so nothing unlinted ever reaches the page.
      if (lintQuery(query).ok) queries[finding.id] = { ...query, writing: answerWriting(finding, query) };
    } catch {
      // A draft that fails the linter is a bug in the data; the finding is shown without a query.
    }
  }
  return queries;
}

/** The single edit an answer makes to `request.text` (empty when it writes nothing). */
export function answerEdit(request: AnswerEditRequest): TextEdit {
  return applyAnswerToText(request.text, request.finding, request.query, request.answer).edit;
}

const sameSpan = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start === b.start && a.end === b.end;

/**
 * The hand-off of the current text. The note is analysed afresh; a finding that a live dismissal
 * hides is dismissed (with its reason), or answered when the dismissal records a "Clinically
 * undetermined" answer; answers whose words are in the note resolved their findings, so their
 * findings (as answered) are added back to be listed with the codes they now support.
 */
export function handoffOf(request: HandoffRequest): HandoffSummary {
  const analysis = analyze(request.text, request.options);
  // Dismissals name the element's finding ids; handoff() matches answers by the query's finding id.
  const answeredIds = new Set(request.answered.map((a) => a.finding.id));
  const answeredQueryIds = new Set(request.answered.map((a) => a.query.findingId));
  const findings: Finding[] = [];
  const state: HandoffState = { text: request.text, answered: [], dismissed: [] };
  for (const finding of analysis.findings) {
    const dismissal = request.dismissed.find(
      (d) => d.kind === finding.kind && d.family === finding.family && (sameSpan(d, finding) || finding.mentions.some((m) => sameSpan(m, d))),
    );
    if (dismissal && answeredIds.has(dismissal.findingId)) continue; // listed below, as answered
    if (answeredQueryIds.has(finding.id)) continue; // an id clash with an answered finding: the answer wins
    findings.push(finding);
    if (dismissal) state.dismissed.push({ findingId: finding.id, reason: dismissal.reason });
  }
  for (const record of request.answered) {
    findings.push({ ...record.finding, id: record.query.findingId });
    state.answered.push({ query: record.query, answer: record.answer });
  }
  return handoff({ ...analysis, findings }, state);
}

/** The open (unanswered, undismissed) queries of the hand-off, in one of three formats. */
export function exportOf(request: ExportRequest): QueryExports[ExportRequest['format']] {
  const open = handoffOf(request).unanswered;
  switch (request.format) {
    case 'text':
      return open.map(queryToText).join('\n');
    case 'json':
      return open;
    case 'fhir':
      return queriesToBundle(open);
    default:
      throw new TypeError(`cdi-lint: unknown export format ${JSON.stringify(request.format)} (text, json or fhir)`);
  }
}
