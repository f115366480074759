// Types of the package under moduleResolution node16/nodenext (checked with tsc).
import { analyze } from 'cdi-lint';
import type { Finding } from 'cdi-lint';
import { cdiLint, createWorkerAnalyzer, answerFinding, findingPopover } from 'cdi-lint/plugin';
import { CdiEditor } from 'cdi-lint/cdi-editor';
import { createInlineAnalyzer } from 'cdi-lint/plugin/inline';

const findings: Finding[] = analyze('PMH: CHF.', { setting: 'inpatient' }).findings;
const analyzer = createWorkerAnalyzer({ createWorker: () => new Worker('/worker.js', { type: 'module' }) });
export const plugins = [cdiLint({ analyzer }), findingPopover()];
export const used = [findings, CdiEditor, answerFinding, createInlineAnalyzer];
