/**
 * The engine runs unchanged in a real browser (Chromium): wink-nlp, its model and the JSON
 * knowledge load, and spans index the input.
 */
import { expect } from 'chai';
import { analyze } from '../../src/index.js';

describe('analyze in the browser', () => {
  it('flags an unspecified heart failure with its missing acuity and type', () => {
    const input = 'PAST MEDICAL HISTORY: CHF.';
    const { findings } = analyze(input);
    const finding = findings.find((f) => f.family === 'heart-failure');
    expect(finding, 'a heart-failure finding').to.exist;
    expect(finding!.axes).to.include.members(['acuity', 'type']);
    expect(finding!.text).to.equal(input.slice(finding!.start, finding!.end));
  });

  it('returns no findings for empty text', () => {
    expect(analyze('').findings).to.deep.equal([]);
  });
});
