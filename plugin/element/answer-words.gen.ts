/**
 * Writes plugin/element/answer-words.json: for each family and axis, each value id with the first
 * few phrases the rule data lists for it (`src/knowledge/families/*.json` axes.values). The element
 * offers these as answers without bundling the whole rule data (about 33 KB gzip).
 *
 *   npm run gen:answer-words
 *
 * test/browser/element-answers.test.ts fails when the JSON is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { answerWordsFrom } from './answer-words-source.js';
import { FAMILY_FILES } from '../../src/knowledge/families/index.js';

const out = fileURLToPath(new URL('./answer-words.json', import.meta.url));
writeFileSync(out, JSON.stringify(answerWordsFrom(FAMILY_FILES), null, 1) + '\n');
console.log(`wrote ${out}`);
