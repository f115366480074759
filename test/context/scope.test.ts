/**
 * Clause-aware assertion scope and note structure read by the assertion stage: wrapped headers,
 * uncertainty across "secondary to", diagnostic-clarification referrals, "but" ending negation,
 * "not limited to" as a pseudo-trigger, "negative" as a result word.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { findSections } from '../../src/text/sections.js';

const current = (text: string) => analyze(text).mentions.filter((m) => m.current).map((m) => m.text);

describe('headers wrapped over two lines', () => {
  it('"FAMILY, SOCIAL" / "AND ALLERGY HISTORY:" is one header', () => {
    const sections = findSections('HPI:\nWell.\nFAMILY, SOCIAL\nAND ALLERGY HISTORY:\nMother had a stroke.\n');
    expect(sections.map((s) => [s.header, s.category])).toEqual([['HPI', 'hpi'], ['FAMILY, SOCIAL AND ALLERGY HISTORY', 'family-history']]);
  });
  it('a compound header with a shared last word takes the first known part', () => {
    expect(findSections('SOCIAL AND ALLERGY HISTORY:\nNon-smoker.').map((s) => s.category)).toEqual(['social-history']);
  });
});

describe('clauses and scope', () => {
  it('"but" ends a negation: "no fever, but she has pneumonia"', () => expect(current('No fever, but she has pneumonia.')).toEqual(['pneumonia']));
  it('a semicolon ends a negation', () => expect(current('Denies chest pain; atrial fibrillation on telemetry.')).toEqual(['atrial fibrillation']));
  it('uncertainty reaches across "secondary to": a hypothesis is hedged whole', () => {
    expect(current('Rule out possibility of effusion secondary to mesothelioma.')).toEqual([]);
  });
  it('negation still stops at "secondary to"', () => expect(current('No edema secondary to CHF.')).toEqual(['CHF']));
  it('a referral to clarify a diagnosis hedges the conditions it lists', () => {
    expect(current('Referred to help clarify her diagnosis, especially dementia or depression.')).toEqual([]);
  });
  it('"not limited to" does not negate what follows; the list is about risks in general', () => {
    const [m] = analyze('Risks discussed, including but not limited to pneumonia.').mentions;
    expect([m!.assertion.negated, m!.assertion.hypothetical, m!.current]).toEqual([false, true, false]);
  });
  it('"negative" after a test is a result word, not a negation of a diagnosis before it', () => {
    expect(current('Pneumonia; sputum culture was negative.')).toEqual(['Pneumonia']);
  });
});

describe('values stated elsewhere in the note', () => {
  it('hypoxemia stated anywhere documents the type of respiratory failure', () => {
    const f = analyze('DIAGNOSES: Acute respiratory failure.\nCOURSE: She remained hypoxemic on 4 L.').findings.filter((x) => x.family === 'respiratory-failure');
    expect(f).toEqual([]);
  });
  it('negated hypoxia does not', () => {
    const f = analyze('DIAGNOSES: Acute respiratory failure.\nCOURSE: No hypoxia.').findings.filter((x) => x.family === 'respiratory-failure');
    expect(f.map((x) => x.axes)).toEqual([['type']]);
  });
});
