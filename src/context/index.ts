/**
 * Assertion context (ConText/NegEx): whether a mention is negated, historical, hypothetical,
 * experienced by someone other than the patient, or uncertain.
 */
export { readContext, assertContext, defaultAssertion, type SentenceContext } from './assert.js';
export { contextLine, findTarget } from './command.js';
export { compileLexicon, matchTriggers, type Lexicon, type TriggerMatch } from './lexicon.js';
export { tokenize, literalTokens, type Tokens } from './tokens.js';
export {
  validateTriggers, TRIGGERS, TRIGGERS_FILE, CATEGORIES, DIRECTIONS,
  type Trigger, type Category, type Direction,
} from './triggers.js';
