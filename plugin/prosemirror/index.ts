/**
 * The cdi-lint ProseMirror plugin: `cdiLint`, its key and state, commands, decorations and the
 * worker analysis provider. Nothing here imports the engine at run time (only its types), so a
 * bundle of this module never contains the NLP model. `createInlineAnalyzer`, which does run the
 * engine in the page, is exported from `./inline-analyzer.js` on its own for that reason.
 */
export { cdiLint } from './plugin.js';
export { cdiLintKey, getCdiLintState, initialState, applyTransaction, placeFindings } from './state.js';
export { findingClass, findingDecoration, decorationsFor } from './decorations.js';
export type { FindingDecorationSpec } from './decorations.js';
export {
  nextFinding, previousFinding, selectFinding, dismissFinding, applyAnswer, applyAnswerEdit, suppressWords, reanalyze,
  getFindings, findFinding,
} from './commands.js';
export type { DocumentEdit } from './commands.js';
export { answerFinding, previewAnswer, planAnswer } from './answer.js';
export type { AnswerPlan, AnswerPreview } from './answer.js';
export { restoreDismissal } from './commands.js';
export { LedgerStep } from './ledger-step.js';
export type { LedgerOp } from './ledger-step.js';
export { standingAnswers, dismissalInForce } from './state.js';
export { DEFAULT_DEBOUNCE_MS } from './view.js';
export { DISMISS_REASONS } from './types.js';
export type {
  AnalysisProvider, AnalyzerStatus, Answer, AnswerMode, CdiLintAction, CdiLintOptions, CdiLintState, DismissReason,
  Dismissal, LedgerEntry, LintFinding, PendingAnalysis, PlacedFinding,
} from './types.js';
export { createWorkerAnalyzer } from '../worker/client.js';
export type { WorkerAnalyzer, WorkerAnalyzerOptions } from '../worker/client.js';
export type * from '../queries/types.js';
export { findingPopover, findingPopoverKey } from './popover.js';
export type { FindingPopoverOptions } from './popover.js';
