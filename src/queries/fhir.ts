/**
 * FHIR R4 exports: a `Questionnaire` per query, a `QuestionnaireResponse` per answer and a
 * `Bundle` (type `collection`) per note. The shapes below are the subset of the R4 resources this
 * module writes; test/queries/fhir.test.ts checks them against the R4 type definitions and the
 * official R4 JSON schema.
 *
 * Layout of a Questionnaire: a `group` item `indicators` holding one `display` item per clinical
 * indicator, a `display` item `question`, then one `choice` item per query item (linkId = the item
 * id) with `valueCoding` answer options; "Other" has a `string` child item `<id>.other`, enabled
 * when "Other" is chosen.
 */
import { fnv1a } from './audit.js';
import { chosenOptions } from './answer.js';
import type { Query, QueryAnswer } from './types.js';

/** A FHIR Coding. */
export interface FhirCoding { system: string; code: string; display: string }

/** An answer option of a Questionnaire item. */
export interface FhirAnswerOption { valueCoding?: FhirCoding; valueString?: string }

/** A Questionnaire.item (display, group, choice or string). */
export interface FhirQuestionnaireItem {
  linkId: string;
  text?: string;
  type: 'group' | 'display' | 'choice' | 'string';
  required?: boolean;
  repeats?: boolean;
  answerOption?: FhirAnswerOption[];
  enableWhen?: Array<{ question: string; operator: '='; answerCoding: FhirCoding }>;
  item?: FhirQuestionnaireItem[];
}

/** A FHIR R4 Questionnaire, as written here. */
export interface FhirQuestionnaire {
  resourceType: 'Questionnaire';
  id: string;
  url: string;
  identifier: Array<{ system: string; value: string }>;
  name: string;
  title: string;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  description: string;
  item: FhirQuestionnaireItem[];
}

/** A QuestionnaireResponse.item. */
export interface FhirResponseItem {
  linkId: string;
  text?: string;
  answer?: Array<{ valueCoding?: FhirCoding; valueString?: string; item?: FhirResponseItem[] }>;
}

/** A FHIR R4 QuestionnaireResponse, as written here. */
export interface FhirQuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  id: string;
  questionnaire: string;
  status: 'completed';
  authored: string;
  item: FhirResponseItem[];
}

/** A FHIR R4 Bundle of type `collection`. */
export interface FhirBundle {
  resourceType: 'Bundle';
  id?: string;
  type: 'collection';
  entry: Array<{ fullUrl: string; resource: FhirQuestionnaire | FhirQuestionnaireResponse }>;
}

/** Options of the FHIR exports. */
export interface FhirOptions {
  /** Base of canonical URLs and code systems; default `http://example.org/cdi-lint` (replace with the organisation's). */
  baseUrl?: string;
  /** Questionnaire status; default `active`. */
  status?: FhirQuestionnaire['status'];
}

const DEFAULT_BASE = 'http://example.org/cdi-lint';

/** A FHIR id (`[A-Za-z0-9\-\.]{1,64}`) derived from a finding id; long ids keep a hash suffix. */
export function fhirId(findingId: string): string {
  const id = findingId.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'finding';
  return id.length <= 64 ? id : `${id.slice(0, 55)}-${fnv1a(findingId)}`;
}

/** The canonical URL of a query's Questionnaire. */
export function questionnaireUrl(query: Query, options: FhirOptions = {}): string {
  return `${options.baseUrl ?? DEFAULT_BASE}/Questionnaire/${fhirId(query.findingId)}`;
}

/** A query as a FHIR R4 Questionnaire. */
export function queryToQuestionnaire(query: Query, options: FhirOptions = {}): FhirQuestionnaire {
  const base = options.baseUrl ?? DEFAULT_BASE;
  const system = `${base}/CodeSystem/query-option`;
  const id = fhirId(query.findingId);
  const items: FhirQuestionnaireItem[] = [
    {
      linkId: 'indicators',
      type: 'group',
      text: 'Clinical indicators from the note',
      item: query.indicators.map((indicator, index) => ({ linkId: `indicators.${index + 1}`, type: 'display' as const, text: `"${indicator.text.replace(/\s+/g, ' ')}"` })),
    },
    { linkId: 'question', type: 'display', text: query.question },
  ];
  for (const item of query.items) {
    const coding = (optionId: string, display: string): FhirCoding => ({ system, code: optionId, display });
    const choice: FhirQuestionnaireItem = {
      linkId: item.id,
      text: item.prompt,
      type: 'choice',
      required: false,
      answerOption: item.options.map((o) => ({ valueCoding: coding(o.id, o.label) })),
    };
    const other = item.options.find((o) => o.role === 'other');
    if (other) {
      choice.item = [{
        linkId: `${item.id}.other`, text: 'Please specify', type: 'string',
        enableWhen: [{ question: item.id, operator: '=', answerCoding: coding(other.id, other.label) }],
      }];
    }
    items.push(choice);
  }
  if (items[0]!.item!.length === 0) items.shift(); // a group needs items; the linter already requires indicators
  return {
    resourceType: 'Questionnaire',
    id,
    url: questionnaireUrl(query, options),
    identifier: [{ system: `${base}/finding-id`, value: query.findingId }],
    name: `CdiQuery${id.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 255),
    title: query.title,
    status: options.status ?? 'active',
    description: `Documentation clarification query (${query.purpose}, ${query.rule}).`,
    item: items,
  };
}

/** An answer as a FHIR R4 QuestionnaireResponse (`status: completed`) to the query's Questionnaire. */
export function answerToQuestionnaireResponse(query: Query, answer: QueryAnswer, options: FhirOptions & { authored?: Date } = {}): FhirQuestionnaireResponse {
  const system = `${options.baseUrl ?? DEFAULT_BASE}/CodeSystem/query-option`;
  return {
    resourceType: 'QuestionnaireResponse',
    id: `${fhirId(query.findingId).slice(0, 55)}-response`,
    questionnaire: questionnaireUrl(query, options),
    status: 'completed',
    authored: (options.authored ?? new Date()).toISOString(),
    item: chosenOptions(query, answer).map((c) => {
      const item = query.items.find((i) => i.id === c.itemId)!;
      const response: FhirResponseItem = { linkId: item.id, text: item.prompt, answer: [{ valueCoding: { system, code: c.option.id, display: c.option.label } }] };
      if (c.option.role === 'other') response.answer![0]!.item = [{ linkId: `${item.id}.other`, text: 'Please specify', answer: [{ valueString: c.text }] }];
      return response;
    }),
  };
}

/** One Bundle (type `collection`) with a Questionnaire per query, and a response per answer given. */
export function queriesToBundle(queries: readonly Query[], answers: readonly QueryAnswer[] = [], options: FhirOptions & { authored?: Date } = {}): FhirBundle {
  const entry: FhirBundle['entry'] = [];
  for (const query of queries) {
    entry.push({ fullUrl: questionnaireUrl(query, options), resource: queryToQuestionnaire(query, options) });
    const answer = answers.find((a) => a.queryId === query.id);
    if (answer) {
      const response = answerToQuestionnaireResponse(query, answer, options);
      entry.push({ fullUrl: `${options.baseUrl ?? DEFAULT_BASE}/QuestionnaireResponse/${response.id}`, resource: response });
    }
  }
  return { resourceType: 'Bundle', type: 'collection', entry };
}
