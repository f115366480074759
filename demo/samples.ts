/** Synthetic sample notes for the demo: invented for it, no real patient data. */
export interface SampleNote {
  title: string;
  text: string;
}

export const SAMPLE_NOTES: readonly SampleNote[] = [
  {
    title: 'Heart failure admission',
    text: `CHIEF COMPLAINT: Shortness of breath.

HISTORY OF PRESENT ILLNESS:
72 y/o woman with CHF and diabetes presents with 3 days of worsening dyspnea and bilateral leg swelling. She denies chest pain, fever or cough. Her brother had a stroke.

PAST MEDICAL HISTORY: CHF. Diabetes. CKD. Anemia. H/o pneumonia 2019.

PHYSICAL EXAM:
Bibasilar crackles, 2+ pitting edema to the knees.

LABS: Creatinine 2.1 (baseline 1.3). Hgb 9.8.

ASSESSMENT AND PLAN:
1. CHF: IV furosemide, daily weights, strict I/O.
2. AKI on CKD: likely cardiorenal; trend creatinine, avoid nephrotoxins.
3. Diabetes: sliding scale insulin.
4. Anemia: iron studies.
5. Rule out pneumonia: chest x-ray pending.
`,
  },
  {
    title: 'Sepsis from the emergency department',
    text: `HPI: 64 y/o man brought in with fever, confusion and hypotension. Cough productive of green sputum for 4 days.

EXAM: T 39.2, HR 118, BP 84/50, RR 26, SpO2 86% on room air. Crackles right base.

LABS: WBC 18.4, lactate 3.8, creatinine 1.9 (baseline 0.9).
CXR: right lower lobe consolidation.

ASSESSMENT:
Sepsis due to pneumonia.
Respiratory failure, on BiPAP.
Encephalopathy, likely from sepsis.
AKI.

PLAN: Cultures, broad-spectrum antibiotics, fluids, ICU.
`,
  },
  {
    title: 'Outpatient follow-up',
    text: `SUBJECTIVE: Here for follow-up of diabetes and atrial fibrillation. Feels well. Occasional knee pain.

MEDICATIONS: metformin, apixaban, metoprolol.

OBJECTIVE: BP 132/80, HR 72 irregular. BMI 31.

ASSESSMENT/PLAN:
- Diabetes: A1c 8.4, increase metformin.
- Atrial fibrillation: rate controlled, continue apixaban.
- Osteoarthritis of knee: acetaminophen, physical therapy.
- Malnutrition screen negative.
`,
  },
];
