/**
 * The one wink-nlp instance of the engine: the English lite web model with sentence-boundary
 * detection only (no POS, NER or sentiment: the engine does not use them and they triple the cost).
 *
 * The model is parsed once, when this module is first imported (about 80 ms in Node).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** The shared wink-nlp instance. */
export const nlp = winkNLP(model, ['sbd']);
/** wink's item accessors (`its.value`, `its.type`, ...). */
export const its = nlp.its;
