/**
 * Compliant queries, engine side: drafts for every finding kind, a linter for queries, answers as
 * text edits, the hand-off summary, the audit trail's pure pieces, and text/JSON/FHIR exports.
 * Pure and synchronous; no DOM.
 */
export { draftQuery, templateFor, QueryDraftError, type DraftOptions } from './draft.js';
export { lintQuery } from './lint.js';
export {
  applyAnswerToText, answerWriting, writeAnswer, collapseRepeatedWords, codeAfterAnswer, chosenOptions, AnswerError,
  type AppliedAnswer, type AnswerWriting, type ChosenOption,
} from './answer.js';
export { handoff } from './handoff.js';
export { auditRecord, toJsonLines, fnv1a, type AuditOptions } from './audit.js';
export { queryToText, handoffToText } from './export-text.js';
export {
  queryToQuestionnaire, answerToQuestionnaireResponse, queriesToBundle, questionnaireUrl, fhirId,
  type FhirOptions, type FhirBundle, type FhirQuestionnaire, type FhirQuestionnaireItem, type FhirQuestionnaireResponse,
  type FhirResponseItem, type FhirCoding, type FhirAnswerOption,
} from './fhir.js';
export {
  compileQueryKnowledge, defaultQueryKnowledge,
  type QueryKnowledge, type QueryKnowledgeFiles, type QueryTemplate, type OptionRule, type ExtraOptionRule, type AxisWording,
} from './knowledge.js';
export * from './types.js';
