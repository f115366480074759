import { describe, expect, it } from 'vitest';
import { contextLine, findTarget } from '../../src/context/command.js';

const run = (input: unknown) => JSON.parse(contextLine(typeof input === 'string' ? input : JSON.stringify(input))) as Record<string, unknown>;

describe('cdi-lint context line', () => {
  it('returns the five assertion fields for a found target', () => {
    expect(contextLine(JSON.stringify({ text: 'Patient denies chest pain.', target: 'chest pain' }))).toBe(
      '{"negated":true,"historical":false,"hypothetical":false,"experiencer":"patient","uncertain":false}',
    );
  });

  it('finds the target ignoring case and runs of whitespace', () => {
    expect(run({ text: 'No   CHEST\n PAIN today.', target: 'chest pain' }).negated).toBe(true);
  });

  it('prefers a whole-word occurrence of the target', () => {
    const text = 'PEEP 5. No PE.';
    expect(findTarget(text, 'PE')).toEqual({ start: 11, end: 13 });
  });

  it('reports a target that is not in the text', () => {
    expect(run({ text: 'No fever.', target: 'cough' })).toEqual({ error: 'target "cough" not found in text' });
  });

  it('reports invalid JSON and missing fields without throwing', () => {
    expect(run('{not json')).toHaveProperty('error');
    expect(run('[]')).toHaveProperty('error');
    expect(run({ text: 'No fever.' })).toEqual({ error: 'missing or non-string field "target"' });
    expect(run({ target: 'fever' })).toEqual({ error: 'missing or non-string field "text"' });
    expect(run({ text: 'No fever.', target: '   ' })).toEqual({ error: 'field "target" is empty' });
  });

  it('treats regular-expression characters in the target literally', () => {
    expect(run({ text: 'Denies (a+b)* pain.', target: '(a+b)*' }).negated).toBe(true);
  });
});
