import { describe, expect, it } from 'vitest';
import { candidateCodes, currentCode } from '../../src/rules/codes.js';
import type { CodeRule } from '../../src/rules/schema.js';

const codes: CodeRule[] = [
  { code: 'I50.9', title: 'HF', when: { type: 'unspecified' } },
  { code: 'I50.20', title: 'sys', when: { type: 'systolic', acuity: 'unspecified' } },
  { code: 'I50.21', title: 'acute sys', when: { type: 'systolic', acuity: 'acute' } },
  { code: 'I50.31', title: 'acute dia', when: { type: 'diastolic', acuity: 'acute' } },
  { code: 'I50.82', title: 'biv', when: { type: 'biventricular' } },
];

describe('currentCode', () => {
  it('is the unspecified code when nothing is stated', () => {
    expect(currentCode(codes, {}).code).toBe('I50.9');
  });
  it('is the most specific code that agrees with what is stated', () => {
    expect(currentCode(codes, { type: 'systolic' }).code).toBe('I50.20');
    expect(currentCode(codes, { type: 'systolic', acuity: 'acute' }).code).toBe('I50.21');
  });
  it('stays unspecified when only an axis without its own code is stated', () => {
    expect(currentCode(codes, { acuity: 'acute' }).code).toBe('I50.9');
  });
});

describe('candidateCodes', () => {
  it('lists codes that state the missing axes and agree with the stated ones', () => {
    expect(candidateCodes(codes, { acuity: 'acute' }, ['type']).map((c) => c.code)).toEqual(['I50.21', 'I50.31', 'I50.82']);
  });
  it('keeps the axis values that lead to each candidate', () => {
    expect(candidateCodes(codes, { type: 'systolic' }, ['acuity'])).toEqual([{ code: 'I50.21', title: 'acute sys', when: { type: 'systolic', acuity: 'acute' } }]);
  });
});

describe('candidateCodes with a classification default', () => {
  const dm: CodeRule[] = [
    { code: 'E11.9', title: 't2', when: { status: 'unspecified', type: 'unspecified' } },
    { code: 'E11.65', title: 't2 hyper', when: { status: 'hyperglycemia', type: 'unspecified' } },
    { code: 'E10.65', title: 't1 hyper', when: { status: 'hyperglycemia', type: 'type-1' } },
  ];
  it('keeps the default of an unstated keepDefault key', () => {
    expect(candidateCodes(dm, {}, ['status'], ['type']).map((c) => c.code)).toEqual(['E11.65']);
  });
  it('follows a stated value of that key', () => {
    expect(candidateCodes(dm, { type: 'type-1' }, ['status'], ['type']).map((c) => c.code)).toEqual(['E10.65']);
  });
});
