/**
 * The demo page: a textarea linted with {@link attachTextareaLinter}, a setting select and a status line.
 * Loaded as a module script (no inline script, so the page works under a strict CSP).
 */
import { attachTextareaLinter } from '../plugin/index.js';
import type { Setting } from '../src/index.js';

/** A synthetic note (invented, no real patient), written to exercise several condition families. */
const SAMPLE_NOTE = `CHIEF COMPLAINT: Shortness of breath.

HISTORY OF PRESENT ILLNESS:
72 y/o woman with CHF and diabetes presents with 3 days of worsening dyspnea and bilateral leg swelling. She denies chest pain, fever or cough. Her brother had a stroke.

PAST MEDICAL HISTORY: CHF. Diabetes. CKD. Anemia. H/o pneumonia 2019.

PHYSICAL EXAM:
Bibasilar crackles, 2+ pitting edema to the knees.

LABS: Creatinine 2.1 (baseline 1.3). Hgb 9.8.

ASSESSMENT AND PLAN:
1. CHF exacerbation: IV furosemide, daily weights, strict I/O.
2. AKI on CKD: likely cardiorenal; trend creatinine, avoid nephrotoxins.
3. Diabetes: sliding scale insulin.
4. Anemia: iron studies.
5. Rule out pneumonia: chest x-ray pending.
`;

function byId<T extends HTMLElement>(id: string, type: { new (): T }): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`demo: #${id} is missing or not a ${type.name}`);
  return element;
}

const textarea = byId('note', HTMLTextAreaElement);
const settingSelect = byId('setting', HTMLSelectElement);
const list = byId('findings', HTMLOListElement);
const status = byId('status', HTMLParagraphElement);

const readSetting = (): Setting => (settingSelect.value === 'outpatient' ? 'outpatient' : 'inpatient');

textarea.addEventListener('cdi-findings', (event) => {
  const { analysis } = event.detail;
  const n = analysis.findings.length;
  status.textContent =
    n === 0
      ? `No findings (${analysis.setting}).`
      : `${n} finding${n === 1 ? '' : 's'} (${analysis.setting}). Click one to select its evidence.`;
});

if (textarea.value === '') textarea.value = SAMPLE_NOTE;
const linter = attachTextareaLinter(textarea, list, { setting: readSetting });
settingSelect.addEventListener('change', () => linter.refresh());
