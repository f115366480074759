import { describe, expect, it } from 'vitest';
import { auditRecord, fnv1a, toJsonLines } from '../../src/index.js';
import { answer, draftFor } from './helpers.js';

const NOW = new Date('2026-01-02T03:04:05.000Z');

describe('audit trail', () => {
  it('records an answer with time, event, finding, rule, evidence hash and the options chosen', () => {
    const { finding, query } = draftFor('PAST MEDICAL HISTORY: CHF, hypertension.');
    expect(auditRecord('answered', finding, query, answer(query, { acuity: { optionId: 'other', text: 'subacute' } }), { now: NOW })).toEqual({
      time: '2026-01-02T03:04:05.000Z',
      event: 'answered',
      findingId: finding.id,
      rule: 'missing-specificity/heart-failure',
      queryId: query.id,
      evidenceHash: fnv1a('CHF'),
      answer: [{ itemId: 'acuity', optionId: 'other', label: 'Other (please specify)', text: 'subacute' }],
    });
  });

  it('never carries the evidence text', () => {
    const { finding, query } = draftFor('PAST MEDICAL HISTORY: CHF, hypertension.');
    expect(JSON.stringify(auditRecord('shown', finding, query, undefined, { now: NOW }))).not.toContain('"CHF"');
  });

  it('records the reason of a dismissal', () => {
    const { finding } = draftFor('PAST MEDICAL HISTORY: CHF, hypertension.');
    expect(auditRecord('dismissed', finding, undefined, undefined, { now: NOW, reason: 'documented elsewhere' })).toMatchObject({ event: 'dismissed', queryId: null, answer: null, reason: 'documented elsewhere' });
  });

  it('hashes with 32-bit FNV-1a (known vectors)', () => {
    expect([fnv1a(''), fnv1a('a'), fnv1a('foobar')]).toEqual(['811c9dc5', 'e40c292c', 'bf9cf968']);
  });

  it('writes JSON Lines, one entry per line', () => {
    const { finding } = draftFor('PAST MEDICAL HISTORY: CHF, hypertension.');
    const lines = toJsonLines([auditRecord('shown', finding, undefined, undefined, { now: NOW }), auditRecord('sent', finding, undefined, undefined, { now: NOW })]).split('\n');
    expect(lines.map((l) => (l ? JSON.parse(l).event : l))).toEqual(['shown', 'sent', '']);
  });
});
