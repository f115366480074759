/** Bad rule data is rejected with an error naming the file, the rule and the allowed values. */
import { describe, expect, it } from 'vitest';
import { validateFamilyRule } from '../../src/rules/load.js';
import { compileKnowledge } from '../../src/rules/knowledge.js';
import heartFailure from '../../src/knowledge/families/heart-failure.json';

const good = (): Record<string, unknown> => structuredClone(heartFailure) as Record<string, unknown>;

function errorOf(data: unknown): string {
  try {
    validateFamilyRule(data, 'bad.json');
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('validateFamilyRule', () => {
  it('accepts the heart-failure rule', () => {
    expect(validateFamilyRule(good(), 'heart-failure.json').family).toBe('heart-failure');
  });
  it('rejects an unknown family and lists the allowed ones', () => {
    expect(errorOf({ ...good(), family: 'heart-attack' })).toMatch(/^bad\.json: family: "heart-attack" is not allowed; allowed: heart-failure, respiratory-failure, /);
  });
  it('rejects an axis the family does not have, naming the rule and its axes', () => {
    const data = good();
    (data.axes as Record<string, unknown>).laterality = { values: { left: ['left'] } };
    expect(errorOf(data)).toBe('bad.json: rule "heart-failure" axes: "laterality" is not allowed; allowed: acuity, type');
  });
  it('rejects a family rule that leaves out one of its axes', () => {
    const data = good();
    delete (data.axes as Record<string, unknown>).type;
    expect(errorOf(data)).toMatch(/axis "type" of family heart-failure has no values/);
  });
  it('checks anywhere phrases: their values, and a when naming another key of the rule', () => {
    const withAnywhere = (group: unknown) => {
      const data = good();
      ((data.axes as Record<string, Record<string, unknown>>).type!).anywhere = [group];
      return data;
    };
    expect(validateFamilyRule(withAnywhere({ when: { acuity: ['chronic'] }, values: { systolic: ['HFrEF on echo'] } }), 'ok.json').axes.type!.anywhere).toHaveLength(1);
    expect(errorOf(withAnywhere({ when: { acuity: ['chronic'] }, values: { sistolic: ['x'] } }))).toMatch(/anywhere 0 values: "sistolic" is not allowed/);
    expect(errorOf(withAnywhere({ when: { organ: ['lung'] }, values: { systolic: ['x'] } }))).toMatch(/anywhere 0 when: "organ" is neither another axis nor a qualifier/);
    expect(errorOf(withAnywhere({ when: {}, values: { systolic: ['x'] } }))).toMatch(/must name at least one key/);
    expect(errorOf(withAnywhere({ when: { acuity: ['chronic'] }, values: {}, extra: 1 }))).toMatch(/unknown key "extra"/);
  });
  it('rejects an unknown key', () => {
    expect(errorOf({ ...good(), severity: 'high' })).toMatch(/unknown key "severity"; allowed keys: family, title/);
  });
  it('rejects a code whose when names an undefined value', () => {
    const data = good();
    (data.codes as Array<Record<string, unknown>>)[1] = { code: 'I50.20', title: 'x', when: { type: 'sistolic' } };
    expect(errorOf(data)).toBe('bad.json: rule "heart-failure" code 1 (I50.20) when "type": "sistolic" is not allowed; allowed: systolic, diastolic, combined, right, biventricular, high-output, end-stage, unspecified');
  });
  it('rejects a code that is not shaped like an ICD-10-CM code', () => {
    const data = good();
    (data.codes as Array<Record<string, unknown>>)[0] = { code: 'I509', title: 'x', when: {} };
    expect(errorOf(data)).toMatch(/"I509" is not a dotted ICD-10-CM code/);
  });
  it('rejects a term implying a value that does not exist', () => {
    const data = good();
    (data.terms as unknown[]).push({ text: 'HFxEF', implies: { type: 'mixed' } });
    expect(errorOf(data)).toMatch(/term \d+ \("HFxEF"\) implies "type": "mixed" is not allowed/);
  });
  it('rejects a flag example naming an axis outside the family', () => {
    const data = good();
    (data.examples as { flag: unknown[] }).flag.push({ text: 'CHF', missing: ['stage'] });
    expect(errorOf(data)).toMatch(/examples\.flag 5 missing: "stage" is not allowed; allowed: acuity, type/);
  });
  it('rejects a file that is not an object', () => {
    expect(errorOf([1, 2])).toBe('bad.json: rule: must be an object, got [1,2]');
  });
  it('rejects the same family defined twice', () => {
    expect(() => compileKnowledge({ 'a.json': good(), 'b.json': good() })).toThrow('b.json: rule "heart-failure": the family is defined twice');
  });
});

describe('axis conditions', () => {
  it('rejects an onlyWhen naming an unknown key', () => {
    const data = good();
    (data.axes as Record<string, Record<string, unknown>>).acuity!.onlyWhen = { site: ['heel'] };
    expect(errorOf(data)).toBe('bad.json: rule "heart-failure" axis "acuity" onlyWhen: "site" is neither another axis nor a qualifier of this rule');
  });
  it('rejects a notNeededWhen naming an undefined value', () => {
    const data = good();
    (data.axes as Record<string, Record<string, unknown>>).acuity!.notNeededWhen = { type: ['mixed'] };
    expect(errorOf(data)).toMatch(/axis "acuity" notNeededWhen "type": "mixed" is not allowed; allowed: systolic/);
  });
});

describe('the other rule files are validated at load', () => {
  it('rejects a vague-term rule with an unknown key, naming the file, the rule and the allowed keys', async () => {
    const { validateVagueTerms } = await import('../../src/rules/load-extra.js');
    const data = { rules: [{ id: 'x', phrases: ['x'], message: 'm', note: 'n', source: ['s'], current: null, candidates: [], examples: { flag: ['x'], pass: ['y'] }, colour: 'red' }] };
    expect(() => validateVagueTerms(data, 'vague.json')).toThrow(/^vague\.json: rule "x": unknown key "colour"; allowed keys: id, family, phrases/);
  });
  it('rejects two indicator rules with the same id', async () => {
    const { validateIndicators } = await import('../../src/rules/load-extra.js');
    const rule = { id: 'dup', quantity: { labels: ['bmi'], atLeast: 40 }, documentedBy: ['obese'], message: '{values}', note: 'n', source: ['s'], candidates: [], examples: { flag: ['x'], pass: ['y'] } };
    expect(() => validateIndicators({ rules: [rule, rule] }, 'ind.json')).toThrow('ind.json: rule "dup": the id is used twice');
  });
  it('rejects an indicator message that does not quote the values', async () => {
    const { validateIndicators } = await import('../../src/rules/load-extra.js');
    const rule = { id: 'q', phrases: ['insulin'], documentedBy: ['diabetes'], message: 'no values', note: 'n', source: ['s'], candidates: [], examples: { flag: ['x'], pass: ['y'] } };
    expect(() => validateIndicators({ rules: [rule] }, 'ind.json')).toThrow('ind.json: rule "q" message: must quote the values seen: include {values}');
  });
});
