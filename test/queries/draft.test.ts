import { describe, expect, it } from 'vitest';
import { draftQuery, analyze } from '../../src/index.js';
import { draftFor, optionTable } from './helpers.js';

describe('draftQuery', () => {
  const hf = () => draftFor('PAST MEDICAL HISTORY: CHF, hypertension. Echo: EF 25%.');

  it('asks a neutral question about the missing axes, quoting the documented wording', () => {
    expect(hf().query.question).toBe('Based on the clinical indicators below, please clarify the acuity and type of "CHF" as documented in this note.');
  });

  it('asks one item per missing axis, each with every value of the axis, then Other and Clinically undetermined', () => {
    expect(optionTable(hf().query)).toEqual([
      'acuity: acute, chronic, acute-on-chronic, other, undetermined',
      'type: systolic, diastolic, combined, right, biventricular, high-output, end-stage, other, undetermined',
    ]);
  });

  it('labels the options with the natural wording and states their axis values', () => {
    const acuity = hf().query.items[0]!;
    expect(acuity.options[2]).toEqual({ id: 'acute-on-chronic', label: 'Acute on chronic', role: 'answer', values: { acuity: 'acute-on-chronic' }, wording: { text: 'acute on chronic', placement: 'before' } });
    expect(acuity.options.slice(-2).map((o) => o.label)).toEqual(['Other (please specify)', 'Clinically undetermined']);
  });

  it('quotes the mention with its sentence and the family\'s lab values as clinical indicators, with their spans', () => {
    expect(hf().query.indicators).toEqual([
      { start: 0, end: 40, text: 'PAST MEDICAL HISTORY: CHF, hypertension.', kind: 'mention' },
      { start: 47, end: 53, text: 'EF 25%', kind: 'value' },
    ]);
  });

  it('offers only the values that lead to a code for what the note states (no lung lobe for an anal cancer)', () => {
    const { query } = draftFor('Preoperative diagnosis: Anal cancer. She is beginning chemoradiation.');
    const ids = query.items[0]!.options.map((o) => o.id);
    expect(ids).toContain('anal-canal');
    expect(ids).not.toContain('upper-lobe');
  });

  it('renames an axis value whose id is also an extra option ("other" type of kidney injury)', () => {
    const { query } = draftFor('Assessment: AKI, creatinine 2.4 from a baseline of 1.0.');
    expect(query.items[0]!.options.map((o) => o.id)).toContain('value-other');
  });

  it('drafts a vague-term query from the rule\'s option list', () => {
    const { query } = draftFor('Admitted with urosepsis.', (f) => f.kind === 'vague-term');
    expect(query.question).toBe('"urosepsis" is documented in this note. Based on the clinical indicators below, please clarify the condition this term describes.');
    expect(optionTable(query)).toEqual(['clarification: uti, sepsis-due-to-uti, other, undetermined']);
  });

  it('drafts an undocumented-condition query that names no diagnosis and offers "Not clinically significant"', () => {
    const { query } = draftFor('Vitals: BMI 42.3 kg/m2.');
    expect(query.purpose).toBe('new-diagnosis');
    expect(query.question).not.toMatch(/obes/i);
    expect(optionTable(query)).toEqual(['clarification: obesity-class-3, morbid-obesity, other, undetermined, not-significant']);
    expect(query.indicators).toEqual([{ start: 8, end: 22, text: 'BMI 42.3 kg/m2', kind: 'value' }]);
  });

  it('drafts a conflict query offering both documented values and quoting both statements', () => {
    const text = 'Assessment: Chronic diastolic heart failure. Plan: continue diuresis for systolic heart failure.';
    const { query } = draftFor(text, (f) => f.kind === 'conflict');
    expect(optionTable(query)).toEqual(['type: diastolic, systolic, other, undetermined']);
    expect(query.indicators.map((i) => i.text)).toEqual(['Assessment: Chronic diastolic heart failure.', 'Plan: continue diuresis for systolic heart failure.']);
  });

  it('drafts an uncertain-diagnosis query asking for the status at this visit', () => {
    const { query } = draftFor('Assessment: Possible pneumonia. Start amoxicillin.', (f) => f.kind === 'uncertain-diagnosis', 'outpatient');
    expect(query.purpose).toBe('confirm-documented');
    expect(optionTable(query)).toEqual(['clarification: confirmed, ruled-out, other, undetermined']);
  });

  it('analyses the text itself when no analysis is given', () => {
    const text = 'PAST MEDICAL HISTORY: CHF, hypertension. Echo: EF 25%.';
    const finding = analyze(text).findings[0]!;
    expect(draftQuery(finding, text).indicators.map((i) => i.text)).toEqual(['PAST MEDICAL HISTORY: CHF, hypertension.', 'EF 25%']);
  });

  it('cites the compliance brief and the finding\'s sources', () => {
    const { query, finding } = hf();
    expect(query.source.some((s) => s.startsWith('AHIMA/ACDIS'))).toBe(true);
    for (const s of finding.source) expect(query.source).toContain(s);
  });
});

describe('contextOf', () => {
  it('quotes the sentence of a mention within its line, never crossing a line break', async () => {
    const { contextOf } = await import('../../src/queries/draft.js');
    const text = 'A/P:\n1. CHF: IV furosemide, daily weights. Recheck BMP.\n2. AKI';
    const start = text.indexOf('CHF');
    const span = contextOf(text, { start, end: start + 3 });
    expect(text.slice(span.start, span.end)).toBe('CHF: IV furosemide, daily weights.');
  });
});
