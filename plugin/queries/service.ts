/**
 * Query work that needs the engine: drafting (and linting) a query for each finding, the text edit
 * of an answer, the hand-off summary and the exports. Synchronous and pure; it runs inside the
 * analysis worker (plugin/worker/worker.ts) or, for `analysis="inline"`, in the page through the
 * lazily loaded inline analyser. The element itself never imports this module.
 */
import { analyze } from '../../src/index.js';
import type { Analysis, AnalyzeOptions, Finding } from '../../src/types.js';
import { defaultVisible } from '../../src/rules/visible.js';
import { answerWriting, applyAnswerToText, draftQuery, handoff, lintQuery, queriesToBundle, queryToText } from '../../src/queries/index.js';
import type { HandoffState, HandoffSummary, Query, TextEdit } from '../../src/queries/types.js';
import type { AnsweredRecord, AnswerEditRequest, ExportRequest, HandoffRequest, QueriedAnalysis, QueryExports } from './types.js';

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
 * The hand-off of the current text, derived from the text and the editor's answer ledger. The note
 * is analysed afresh; a finding that a dismissal in force hides is dismissed (with its reason), or
 * answered when the dismissal records a "Clinically undetermined" answer. Answers whose words are
 * in the note resolved their findings, so their findings (as answered) are added back to be listed
 * with the codes they now support, except when the fresh analysis still flags the same condition
 * (an answer to part of a query): the answer is listed, and the code line is the flagged
 * finding's, once. For one condition answered more than once, the latest answer counts.
 */
export function handoffOf(request: HandoffRequest): HandoffSummary {
  const analysis = analyze(request.text, request.options);
  const sameCondition = (a: Pick<Finding, 'kind' | 'family'>, b: Pick<Finding, 'kind' | 'family'>): boolean => a.kind === b.kind && a.family === b.family;
  // The latest answer per finding (the ledger keeps them oldest first).
  const records = request.answered.filter((r, i) => !request.answered.slice(i + 1).some((later) => later.finding.id === r.finding.id));
  const answeredIds = new Set(records.map((a) => a.finding.id));
  const answeredQueryIds = new Set(records.map((a) => a.query.findingId));
  const findings: Finding[] = [];
  const state: HandoffState = { text: request.text, answered: [], dismissed: [] };
  const stillFlagged = new Set<AnsweredRecord>();
  for (const finding of analysis.findings) {
    const dismissal = request.dismissed.find(
      (d) => d.kind === finding.kind && d.family === finding.family && (sameSpan(d, finding) || finding.mentions.some((m) => sameSpan(m, d))),
    );
    if (dismissal && answeredIds.has(dismissal.findingId)) continue; // listed below, as answered
    if (answeredQueryIds.has(finding.id)) continue; // an id clash with an answered finding: the answer wins
    // Open low-confidence findings only when the view shows them; a dismissal is listed whatever it hid.
    if (!dismissal && !request.includeLowConfidence && !defaultVisible(finding)) continue;
    findings.push(finding);
    if (dismissal) state.dismissed.push({ findingId: finding.id, reason: dismissal.reason });
    else {
      // Answered in part: the condition is still flagged here; its answer is listed without a code line of its own.
      const candidates = records.filter((r) => sameCondition(r.finding, finding) && !stillFlagged.has(r));
      const nearest = candidates.sort((x, y) => Math.abs(x.finding.start - finding.start) - Math.abs(y.finding.start - finding.start))[0];
      if (nearest) stillFlagged.add(nearest);
    }
  }
  for (const record of records) {
    if (!stillFlagged.has(record)) findings.push({ ...record.finding, id: record.query.findingId });
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
