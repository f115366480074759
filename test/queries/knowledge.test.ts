import { describe, expect, it } from 'vitest';
import { compileQueryKnowledge, defaultQueryKnowledge, FINDING_KINDS } from '../../src/index.js';
import templates from '../../src/knowledge/queries/templates.json';
import options from '../../src/knowledge/queries/options.json';
import words from '../../src/knowledge/queries/leading-words.json';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('query knowledge', () => {
  it('loads the bundled templates, options and word lists', () => {
    const k = defaultQueryKnowledge();
    expect(k.templates.length).toBeGreaterThanOrEqual(FINDING_KINDS.length);
    expect(k.financial).toContain('DRG');
  });

  it('has a template with sources for every finding kind', () => {
    const k = defaultQueryKnowledge();
    for (const kind of FINDING_KINDS) {
      const t = k.templates.find((x) => x.kind === kind);
      expect(t, kind).toBeDefined();
      expect(t!.source.length, kind).toBeGreaterThan(0);
    }
  });

  it('rejects an unknown key in a template, naming the file, the template and the allowed keys', () => {
    const bad = clone(templates);
    (bad.templates[0] as Record<string, unknown>).leading = 'yes';
    expect(() => compileQueryKnowledge({ templates: bad })).toThrow(/queries\/templates\.json: template "missing-specificity": unknown key "leading"; allowed keys: id, kind/);
  });

  it('rejects a yes/no format that is not a format', () => {
    const bad = clone(templates);
    bad.templates[0]!.format = 'yes/no';
    expect(() => compileQueryKnowledge({ templates: bad })).toThrow(/template "missing-specificity" format: "yes\/no" is not allowed; allowed: multiple-choice, yes-no/);
  });

  it('rejects a template list with no template for a finding kind', () => {
    const bad = clone(templates);
    bad.templates = bad.templates.filter((t) => t.kind !== 'conflict');
    expect(() => compileQueryKnowledge({ templates: bad })).toThrow(/no template for the finding kind "conflict"/);
  });

  it('rejects an extra option the template list does not define', () => {
    const bad = clone(templates);
    bad.templates[0]!.extraOptions.push('integral-to');
    expect(() => compileQueryKnowledge({ templates: bad })).toThrow(/template "missing-specificity" extraOptions: "integral-to" is not allowed; allowed: other, undetermined, not-significant/);
  });

  it('rejects an option with an unknown role', () => {
    const bad = clone(options) as { rules: Record<string, Array<Record<string, unknown>>> };
    bad.rules['vague-term/urosepsis']![0]!.role = 'maybe';
    expect(() => compileQueryKnowledge({ options: bad })).toThrow(/queries\/options\.json: rules "vague-term\/urosepsis" option "uti" role: "maybe" is not allowed; allowed: answer, yes, no, other/);
  });

  it('rejects an answer option without wording', () => {
    const bad = clone(options) as { rules: Record<string, Array<Record<string, unknown>>> };
    delete bad.rules['vague-term/urosepsis']![0]!.wording;
    expect(() => compileQueryKnowledge({ options: bad })).toThrow(/option "uti": an answer needs a "wording"/);
  });

  it('rejects a wording pattern without {phrase}', () => {
    const bad = clone(options) as { axisWording: Record<string, { pattern: string }> };
    bad.axisWording.organism!.pattern = 'due to';
    expect(() => compileQueryKnowledge({ options: bad })).toThrow(/axisWording "organism" pattern: must contain \{phrase\}/);
  });

  it('rejects a word list without sources', () => {
    const bad = clone(words);
    bad.source = [];
    expect(() => compileQueryKnowledge({ words: bad })).toThrow(/leading-words\.json: source: needs at least one citation/);
  });
});
