/**
 * Query presentation: plain condition names, the one line of what is left to state (narrowed by
 * partial answers), options in clinical order with at most about seven before "More", and the
 * screen-reader sentences. Every query is drafted from a note, as the product does.
 */
import { describe, expect, it } from 'vitest';
import { compileQueryKnowledge, lintQuery } from '../../src/index.js';
import { answerAnnouncement, landingAnnouncement, MAX_VISIBLE_ANSWERS, splitOptions, statementLine } from '../../src/queries/present.js';
import options from '../../src/knowledge/queries/options.json';
import { draftFor } from './helpers.js';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const labels = (xs: { label: string }[]): string[] => xs.map((o) => o.label);

describe('query presentation', () => {
  it('offers CKD stages in clinical order: 1, 2, 3a, 3b, 4, 5, ESRD', () => {
    const { query } = draftFor('PMH: CKD.', (f) => f.family === 'chronic-kidney-disease');
    expect(labels(splitOptions(query.items[0]!).shown)).toEqual(['Stage 1', 'Stage 2', 'Stage 3a', 'Stage 3b', 'Stage 4', 'Stage 5', 'ESRD']);
    expect(lintQuery(query).ok).toBe(true);
  });

  it('names conditions in plain words, never by family id or abbreviation', () => {
    expect(draftFor('Knee OA.', (f) => f.family === 'musculoskeletal').query.condition).toBe('knee osteoarthritis');
    expect(draftFor('PMH: CHF.').query.condition).toBe('Heart failure');
    expect(draftFor('Atrial fibrillation.').query.condition).toBe('Atrial fibrillation');
    expect(draftFor('PMH: CKD.').query.condition).toBe('Chronic kidney disease');
  });

  it('labels abbreviated values in plain words (no "AoCD")', () => {
    const { query } = draftFor('PMH: Anemia.', (f) => f.family === 'anemia');
    const all = labels(query.items[0]!.options);
    expect(all).toContain('Anemia of chronic disease');
    expect(all.filter((l) => /AoCD/.test(l))).toEqual([]);
  });

  it('shows at most seven answers, the rest behind "More", and always "Other" and "Clinically undetermined"', () => {
    const { query } = draftFor('PMH: Anemia.', (f) => f.family === 'anemia');
    const split = splitOptions(query.items[0]!);
    expect(split.shown.length).toBeLessThanOrEqual(MAX_VISIBLE_ANSWERS);
    expect(split.shown.length + split.more.length + split.extra.length).toBe(query.items[0]!.options.length);
    expect(split.extra.map((o) => o.role)).toEqual(['other', 'undetermined']);
    // An option chosen from behind "More" is shown afterwards.
    const late = split.more.at(-1)!;
    expect(splitOptions(query.items[0]!, late.id).shown).toContain(late);
  });

  it('says in one line what to state, and narrows it after a partial answer', () => {
    const { query } = draftFor('PMH: CHF.');
    expect(statementLine(query)).toBe('Heart failure: state the acuity and the type.');
    const acuity = query.items.find((i) => i.id === 'acuity')!;
    const aoc = acuity.options.find((o) => o.id === 'acute-on-chronic')!;
    expect(statementLine(query, [{ itemId: 'acuity', optionId: aoc.id }])).toBe('Heart failure, acute on chronic: state the type.');
    const type = query.items.find((i) => i.id === 'type')!;
    expect(statementLine(query, [{ itemId: 'acuity', optionId: aoc.id }, { itemId: 'type', optionId: type.options[0]!.id }]))
      .toBe('Heart failure: acute on chronic, systolic.');
  });

  it('spells out the few answers left: "stage 3: state 3a or 3b"', () => {
    const { query } = draftFor('PMH: CKD stage 3.', (f) => f.family === 'chronic-kidney-disease');
    expect(statementLine(query)).toBe('Chronic kidney disease, stage 3: state 3a or 3b.');
    expect(statementLine(draftFor('Knee OA.').query)).toBe('Knee osteoarthritis: state right, left or bilateral.');
  });

  it('announces a finding briefly on landing, and an answer by what it wrote', () => {
    const { finding, query } = draftFor('PMH: CHF.');
    expect(landingAnnouncement(finding.text, query)).toBe('CHF: needs acuity and type. Tab to answer.');
    expect(landingAnnouncement(finding.text, query, [{ itemId: 'acuity', optionId: 'acute' }])).toBe('CHF: needs type. Tab to answer.');
    expect(answerAnnouncement('Acute on chronic systolic CHF')).toBe('Wrote "Acute on chronic systolic CHF".');
    expect(answerAnnouncement(null, 'Clinically undetermined')).toBe('Recorded "Clinically undetermined"; the note is unchanged.');
  });

  it('rejects a valueOrder or valueLabels entry naming a value the family does not have', () => {
    const bad = clone(options) as Record<string, unknown>;
    (bad.valueOrder as Record<string, unknown>)['chronic-kidney-disease'] = { stage: ['1', '6'] };
    expect(() => compileQueryKnowledge({ options: bad })).toThrow(/valueOrder "chronic-kidney-disease" "stage".*"6" is not a value/);
    const bad2 = clone(options) as Record<string, unknown>;
    (bad2.valueLabels as Record<string, unknown>).anemia = { site: { x: 'X' } };
    expect(() => compileQueryKnowledge({ options: bad2 })).toThrow(/has no axis "site"/);
  });
});
