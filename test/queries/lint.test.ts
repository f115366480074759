import { describe, expect, it } from 'vitest';
import { analyze, defaultQueryKnowledge, draftQuery, lintQuery, type Query, type QueryLintRule } from '../../src/index.js';
import { FAMILY_FILES } from '../../src/knowledge/families/index.js';
import vagueTerms from '../../src/knowledge/vague-terms.json';
import indicators from '../../src/knowledge/indicators.json';
import { draftFor } from './helpers.js';

/** Drafts and lints every finding of a text; returns the rules and templates seen. */
function draftAll(text: string, setting: 'inpatient' | 'outpatient' = 'inpatient'): Query[] {
  const analysis = analyze(text, { setting });
  return analysis.findings.map((f) => draftQuery(f, text, { analysis }));
}

const EXAMPLES: Array<{ text: string; setting?: 'inpatient' | 'outpatient' }> = [
  ...Object.values(FAMILY_FILES).flatMap((rule) => (rule as { examples: { flag: Array<{ text: string; setting?: 'inpatient' | 'outpatient' }> } }).examples.flag),
  ...vagueTerms.rules.flatMap((r) => r.examples.flag.map((text) => ({ text }))),
  ...indicators.rules.flatMap((r) => r.examples.flag.map((text) => ({ text }))),
  { text: 'Assessment: Chronic diastolic heart failure. Plan: continue diuresis for systolic heart failure.' },
  { text: 'Assessment: Left knee osteoarthritis. Plan: injection to the right knee osteoarthritis.' },
  { text: 'Assessment: Possible pneumonia. Start amoxicillin.', setting: 'outpatient' },
  { text: 'Assessment: Probable UTI, urine culture sent.', setting: 'outpatient' },
];

describe('lintQuery over the bundled data', () => {
  const queries = EXAMPLES.flatMap((e) => draftAll(e.text, e.setting));

  it('passes every query drafted from the rule examples', () => {
    const failing = queries.map((q) => ({ id: q.id, result: lintQuery(q) })).filter((r) => !r.result.ok);
    expect(failing).toEqual([]);
  });

  it('exercises every template', () => {
    const used = new Set(queries.map((q) => q.template));
    expect(defaultQueryKnowledge().templates.map((t) => t.id).filter((id) => !used.has(id))).toEqual([]);
  });

  it('exercises every option list', () => {
    const keys = Object.keys(defaultQueryKnowledge().options);
    const used = new Set(queries.flatMap((q) => [q.rule, q.kind]));
    expect(keys.filter((k) => !used.has(k))).toEqual([]);
  });
});

describe('lintQuery rejects', () => {
  const good = (): Query => structuredClone(draftFor('PAST MEDICAL HISTORY: CHF, hypertension.').query);
  const rulesOf = (q: Query): QueryLintRule[] => [...new Set(lintQuery(q).problems.map((p) => p.rule))];

  it('accepts the heart-failure draft as it is', () => {
    expect(lintQuery(good())).toEqual({ ok: true, problems: [] });
  });

  it('a multiple-choice item that offers a single diagnosis (single-diagnosis)', () => {
    const q = good();
    q.items = q.items.slice(0, 1);
    q.items[0]!.options = q.items[0]!.options.filter((o) => o.role !== 'answer' || o.id === 'acute');
    expect(rulesOf(q)).toEqual(['single-diagnosis']);
  });

  it('a question that names the expected answer: "Are you treating sepsis?" (names-answer)', () => {
    const { query } = draftFor('Admitted with urosepsis.', (f) => f.kind === 'vague-term');
    const q = structuredClone(query);
    q.question = 'Are you treating sepsis due to urinary tract infection?';
    expect(rulesOf(q)).toEqual(['names-answer']);
  });

  it('a question that names an option not quoted from the note (names-answer)', () => {
    const q = good();
    q.question = 'Please clarify whether "CHF" is acute on chronic, as documented in this note.';
    expect(rulesOf(q)).toEqual(['names-answer']);
  });

  it('a query for a new diagnosis without clinical indicators (no-indicators)', () => {
    const { query } = draftFor('Vitals: BMI 42.3 kg/m2.');
    const q = structuredClone(query);
    q.indicators = [];
    expect(lintQuery(q).problems).toEqual([{ rule: 'no-indicators', message: 'a query for a diagnosis not documented must quote the clinical indicators that support it' }]);
  });

  it('an item without "Other (please specify)" (missing-other)', () => {
    const q = good();
    for (const item of q.items) item.options = item.options.filter((o) => o.role !== 'other');
    expect(rulesOf(q)).toEqual(['missing-other']);
  });

  it('an item without "Clinically undetermined" (missing-undetermined)', () => {
    const q = good();
    for (const item of q.items) item.options = item.options.filter((o) => o.role !== 'undetermined');
    expect(rulesOf(q)).toEqual(['missing-undetermined']);
  });

  it('a yes/no query that adds a new diagnosis (yes-no-not-allowed)', () => {
    const { query } = draftFor('Vitals: BMI 42.3 kg/m2.');
    const q = structuredClone(query);
    q.format = 'yes-no';
    q.items[0]!.options = [
      { id: 'yes', label: 'Yes', role: 'yes', values: {}, wording: { text: 'class 3 obesity', placement: 'annotate' } },
      { id: 'no', label: 'No', role: 'no', values: {}, wording: null },
      ...q.items[0]!.options.filter((o) => o.role === 'other' || o.role === 'undetermined'),
    ];
    expect(rulesOf(q)).toEqual(['yes-no-not-allowed']);
  });

  it('accepts a yes/no query that confirms a documented condition', () => {
    const { query } = draftFor('Assessment: Possible pneumonia. Start amoxicillin.', (f) => f.kind === 'uncertain-diagnosis', 'outpatient');
    const q = structuredClone(query);
    q.format = 'yes-no';
    q.items[0]!.options = [
      { id: 'yes', label: 'Yes', role: 'yes', values: {}, wording: { text: '', placement: 'confirm' } },
      { id: 'no', label: 'No', role: 'no', values: {}, wording: null },
      ...q.items[0]!.options.filter((o) => o.role === 'other' || o.role === 'undetermined'),
    ];
    expect(lintQuery(q)).toEqual({ ok: true, problems: [] });
  });

  it.each([
    ['reimbursement', 'Clarifying this may improve reimbursement.'],
    ['DRG', 'The DRG depends on your answer.'],
    ['CC', 'This is a CC.'],
    ['MCC', 'This may be an MCC.'],
    ['HCC', 'This maps to an HCC.'],
    ['RAF', 'Your RAF score will change.'],
    ['case mix', 'This affects the case mix.'],
    ['quality scores', 'This affects quality scores.'],
    ['$', 'Worth $1,200.'],
  ])('a query that mentions %s (financial-or-quality)', (_word, sentence) => {
    const q = good();
    q.question = `${q.question} ${sentence}`;
    expect(rulesOf(q)).toEqual(['financial-or-quality']);
  });

  it('does not read "cc" of a volume as a complication code', () => {
    const q = good();
    q.items[0]!.prompt = 'Acuity (urine output 30 cc/h noted)';
    expect(lintQuery(q).ok).toBe(true);
  });

  it('does not check the words quoted from the note', () => {
    const q = good();
    q.indicators.push({ start: 0, end: 7, text: 'Medicare payment pending', kind: 'statement' });
    expect(lintQuery(q).ok).toBe(true);
  });

  it('a duplicate option id (malformed)', () => {
    const q = good();
    q.items[0]!.options.push({ ...q.items[0]!.options[0]! });
    expect(rulesOf(q)).toEqual(['malformed']);
  });
});

describe('open-ended queries', () => {
  it('are drafted when a single credible value would remain, offering only Other and Clinically undetermined', async () => {
    const { analyze, draftQuery } = await import('../../src/index.js');
    const text = 'Assessment: mantle cell lymphoma, on treatment with rituximab.';
    const analysis = analyze(text);
    const finding = analysis.findings.find((f) => f.family === 'cancer');
    if (!finding) return expect.unreachable('the cancer finding is expected');
    const query = draftQuery(finding, text, { analysis });
    expect(query.format).toBe('open-ended');
    expect(query.items.map((i) => [i.axis, i.options.map((o) => o.role)])).toEqual([['site', ['other', 'undetermined']]]);
    expect(lintQuery(query).ok).toBe(true);
  });
});
