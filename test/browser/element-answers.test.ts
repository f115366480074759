/**
 * The answers the popover offers: words from the rule data, placed where they read well, and the
 * generated table (plugin/element/answer-words.json) in step with the rule files.
 */
import { expect } from 'chai';
import { analyze } from '../../src/index.js';
import { FAMILY_FILES } from '../../src/knowledge/families/index.js';
import { answerGroups, wordingFor } from '../../plugin/element/answers.js';
import { answerWordsFrom } from '../../plugin/element/answer-words-source.js';
import answerWords from '../../plugin/element/answer-words.json' with { type: 'json' };

describe('answers', () => {
  it('answer-words.json matches the rule data (run `npm run gen:answer-words` if not)', () => {
    expect(answerWords).to.deep.equal(answerWordsFrom(FAMILY_FILES));
  });

  it('offers heart-failure acuity as acute / chronic / acute on chronic', () => {
    const finding = analyze('PMH: CHF.').findings[0]!;
    const acuity = answerGroups(finding).find((g) => g.axis === 'acuity')!;
    expect(acuity.choices.map((c) => `${c.wording}|${c.placement}`)).to.deep.equal([
      'acute|before', 'chronic|before', 'acute on chronic|before',
    ]);
  });

  it('drops the words the evidence already has', () => {
    expect(wordingFor(['gram-negative pneumonia', 'Enterobacter'], 'gram-negative', 'pneumonia')).to.deep.equal({ wording: 'gram-negative', placement: 'before' });
  });

  it('puts a prepositional phrase after the evidence, preferring it over a bare abbreviation', () => {
    expect(wordingFor(['AoCD', 'anemia of chronic disease', 'of chronic disease'], 'chronic-disease', 'anemia')).to.deep.equal({ wording: 'of chronic disease', placement: 'after' });
  });
});
