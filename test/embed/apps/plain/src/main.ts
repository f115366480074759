// A plain page: the element, registered by importing it. No bundler configuration.
import 'cdi-lint/cdi-editor';

const NOTE = 'Assessment: CKD, hypertension.';
const editor = document.querySelector('cdi-editor')!;
const log = { findings: [] as string[][], answers: 0, statuses: [] as string[] };
(window as unknown as { __app: typeof log }).__app = log;
editor.addEventListener('cdi-findings', (e) => log.findings.push(e.detail.findings.map((f) => f.text)));
editor.addEventListener('cdi-answer', () => log.answers++);
editor.addEventListener('cdi-status', (e) => log.statuses.push(e.detail.status));
editor.value = NOTE;
