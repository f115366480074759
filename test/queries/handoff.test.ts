import { describe, expect, it } from 'vitest';
import { analyze, draftQuery, handoff, handoffToText } from '../../src/index.js';
import { answer } from './helpers.js';

const TEXT = 'PAST MEDICAL HISTORY: CHF, asthma, atrial fibrillation.';

function setup() {
  const analysis = analyze(TEXT);
  const [hf, asthma, af] = ['heart-failure', 'asthma', 'atrial-fibrillation'].map((family) => analysis.findings.find((f) => f.family === family)!);
  const hfQuery = draftQuery(hf!, TEXT, { analysis });
  const summary = handoff(analysis, {
    text: TEXT,
    answered: [{ query: hfQuery, answer: answer(hfQuery, { acuity: 'chronic', type: 'diastolic' }) }],
    dismissed: [{ findingId: af!.id, reason: 'Type documented in the cardiology note' }],
  });
  return { analysis, hf: hf!, asthma: asthma!, af: af!, summary };
}

describe('handoff', () => {
  it('lists the queries of findings neither answered nor dismissed', () => {
    const { summary, asthma } = setup();
    expect(summary.unanswered.map((q) => q.findingId)).toEqual([asthma.id]);
  });

  it('lists the answered queries with the labels chosen', () => {
    expect(setup().summary.answered.map((a) => a.labels)).toEqual([['Chronic', 'Diastolic']]);
  });

  it('lists the dismissed findings with their reasons', () => {
    const { summary, af } = setup();
    expect(summary.dismissed).toEqual([{ findingId: af.id, reason: 'Type documented in the cardiology note', rule: 'missing-specificity/atrial-fibrillation', evidence: 'atrial fibrillation', condition: 'Atrial fibrillation and flutter' }]);
  });

  it('gives the code each finding supports after its answer', () => {
    const { summary, hf } = setup();
    expect(summary.codes.find((c) => c.findingId === hf.id)).toMatchObject({ before: { code: 'I50.9' }, now: { code: 'I50.32' } });
  });

  it('renders as plain text for the command line', () => {
    const text = handoffToText(setup().summary);
    expect(text).toContain('Open queries (1):');
    expect(text).toContain('Heart failure: I50.32 Chronic diastolic (congestive) heart failure (was I50.9 Heart failure, unspecified)');
    expect(text).not.toContain('missing-specificity/');
    expect(text).toContain('Covers only the conditions cdi-lint flagged in this note');
  });

  it('names conditions in plain words and says it covers flagged conditions only', () => {
    const { summary } = setup();
    expect(summary.scope).toMatch(/flagged/);
    expect(summary.codes.map((c) => c.condition)).toEqual(['Heart failure', 'Asthma', 'Atrial fibrillation and flutter']);
    expect(summary.answered.map((a) => a.condition)).toEqual(['Heart failure']);
  });

  it('counts the latest of two answers to the same finding', () => {
    const analysis = analyze(TEXT);
    const hf = analysis.findings.find((f) => f.family === 'heart-failure')!;
    const q = draftQuery(hf, TEXT, { analysis });
    const summary = handoff(analysis, {
      text: TEXT,
      answered: [
        { query: q, answer: answer(q, { acuity: 'chronic', type: 'diastolic' }) },
        { query: q, answer: answer(q, { acuity: 'acute', type: 'systolic' }) },
      ],
      dismissed: [],
    });
    expect(summary.answered.map((a) => a.labels)).toEqual([['Acute', 'Systolic']]);
    expect(summary.codes.filter((c) => c.condition === 'Heart failure').map((c) => c.now?.code)).toEqual(['I50.21']);
  });
});
