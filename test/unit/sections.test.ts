import { describe, expect, it } from 'vitest';
import { findSections, sectionAt } from '../../src/text/sections.js';

const headers = (text: string) => findSections(text).map((s) => `${s.header}=${s.category}`);

describe('findSections', () => {
  it('finds ALL-CAPS headers with a colon', () => {
    expect(headers('HISTORY OF PRESENT ILLNESS: cough.\nPAST MEDICAL HISTORY: CHF.\nFAMILY HISTORY: mother with DM.')).toEqual([
      'HISTORY OF PRESENT ILLNESS=hpi', 'PAST MEDICAL HISTORY=history', 'FAMILY HISTORY=family-history',
    ]);
  });
  it('finds inline abbreviated headers', () => {
    expect(headers('PMH: CHF, DM\nA/P: diurese')).toEqual(['PMH=history', 'A/P=assessment']);
  });
  it('finds known headers alone on their line without a colon', () => {
    expect(headers('CHIEF COMPLAINT\n\nAnnual exam.\n\nASSESSMENT AND PLAN\n\nCHF.')).toEqual(['CHIEF COMPLAINT=chief-complaint', 'ASSESSMENT AND PLAN=assessment']);
  });
  it('keeps the enclosing category for an unknown ALL-CAPS subsection', () => {
    expect(headers('PHYSICAL EXAMINATION:\nGENERAL: well.\nKNEES: right effusion.')).toEqual(['PHYSICAL EXAMINATION=exam', 'GENERAL=exam', 'KNEES=exam']);
  });
  it('does not take a sentence with a colon in lower case as a header', () => {
    expect(headers('He said the following: no pain.')).toEqual(['=other']);
  });
  it('maps preoperative and discharge diagnoses to diagnoses', () => {
    expect(headers('PREOPERATIVE DIAGNOSIS: OA.\nDischarge Diagnoses: CHF')).toEqual(['PREOPERATIVE DIAGNOSIS=diagnoses', 'Discharge Diagnoses=diagnoses']);
  });
  it('covers the text without gaps and finds the section of an offset', () => {
    const text = 'intro\nPMH: CHF\nFAMILY HISTORY: DM';
    const sections = findSections(text);
    expect(sections[0]!.span.start).toBe(0);
    expect(sections.at(-1)!.span.end).toBe(text.length);
    expect(sectionAt(sections, text.indexOf('CHF')).category).toBe('history');
    expect(sectionAt(sections, text.indexOf('DM')).category).toBe('family-history');
    expect(sectionAt(sections, 0).category).toBe('other');
  });
});

describe('compound headers', () => {
  it('take the category of their first known part', () => {
    expect(headers('PAST MEDICAL HISTORY/SURGERIES/HOSPITALIZATIONS: DVT after surgery.')).toEqual(['PAST MEDICAL HISTORY/SURGERIES/HOSPITALIZATIONS=history']);
  });
});
