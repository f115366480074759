import { describe, expect, it } from 'vitest';
import { assertContext, readContext } from '../../src/context/assert.js';
import type { Assertion } from '../../src/types.js';

// Targets are marked inline as `[target]`; assertions render as compact strings ("negated other").

/** Renders the flags that are set, in a fixed order; `affirmed` when none is. */
function render(a: Assertion): string {
  const parts: string[] = [];
  if (a.negated) parts.push('negated');
  if (a.historical) parts.push('historical');
  if (a.hypothetical) parts.push('hypothetical');
  if (a.uncertain) parts.push('uncertain');
  if (a.experiencer === 'other') parts.push('other');
  return parts.length ? parts.join(' ') : 'affirmed';
}

/** Asserts the one `[bracketed]` target of `marked` in its whole sentence and renders the result. */
function contextOf(marked: string): string {
  const open = marked.indexOf('[');
  const close = marked.indexOf(']', open);
  if (open < 0 || close < 0) throw new Error(`no [target] in ${JSON.stringify(marked)}`);
  const text = marked.slice(0, open) + marked.slice(open + 1, close) + marked.slice(close + 1);
  return render(assertContext(text, { start: 0, end: text.length }, { start: open, end: close - 1 }));
}

describe('negation', () => {
  it('negates a finding after "no"', () => {
    expect(contextOf('No [fever].')).toBe('negated');
  });

  it('negates every item of a list after one trigger', () => {
    expect(contextOf('No [chest pain], dyspnea, or edema.')).toBe('negated');
    expect(contextOf('No chest pain, [dyspnea], or edema.')).toBe('negated');
    expect(contextOf('No chest pain, dyspnea, or [edema].')).toBe('negated');
  });

  it('negates after "denies", "negative for", "free of", "without" and "absence of"', () => {
    expect(contextOf('Patient denies [nausea].')).toBe('negated');
    expect(contextOf('Blood cultures negative for [MRSA].')).toBe('negated');
    expect(contextOf('The wound is free of [infection].')).toBe('negated');
    expect(contextOf('Ambulating without [pain].')).toBe('negated');
    expect(contextOf('Absence of [pulses] in the left foot.')).toBe('negated');
  });

  it('negates after multi-word triggers such as "no evidence of" and "never had"', () => {
    expect(contextOf('No evidence of [pneumothorax].')).toBe('negated');
    expect(contextOf('No signs of [infection].')).toBe('negated');
    expect(contextOf('She never had [seizures].')).toBe('negated');
  });

  it('stops the scope at "but"', () => {
    expect(contextOf('No fever but [cough] persists.')).toBe('affirmed');
  });

  it('stops the scope at "however", "although", "aside from", "except" and "which"', () => {
    expect(contextOf('No edema; however, [ascites] is present.')).toBe('affirmed');
    expect(contextOf('No rales although [wheezes] are heard.')).toBe('affirmed');
    expect(contextOf('No complaints aside from [fatigue].')).toBe('affirmed');
    expect(contextOf('No lesions except [a nevus].')).toBe('affirmed');
    expect(contextOf('No pain which [swelling] may explain.')).toBe('affirmed');
  });

  it('stops the scope at "presents with"', () => {
    expect(contextOf('Denies trauma, presents with [hip pain].')).toBe('affirmed');
  });

  it('stops the scope at a sentence end inside the span', () => {
    expect(contextOf('No fever. [Cough] for two days.')).toBe('affirmed');
  });

  it('stops the scope at a colon that opens a new heading', () => {
    expect(contextOf('Skin: no rash. Neuro: [weakness] of the left arm.')).toBe('affirmed');
  });

  it('negates backward from "was ruled out"', () => {
    expect(contextOf('[Myocardial infarction] was ruled out.')).toBe('negated');
  });

  it('negates backward from "is absent" but not past a terminator', () => {
    expect(contextOf('[Edema] is absent.')).toBe('negated');
    expect(contextOf('[Rash] noted, but edema is absent.')).toBe('affirmed');
  });

  it('does not negate after a pseudo-trigger', () => {
    expect(contextOf('No increase in [effusion].')).toBe('affirmed');
    expect(contextOf('Not only [anemia] but also thrombocytopenia.')).toBe('affirmed');
    expect(contextOf('Gram negative [rods] in the sputum.')).toBe('affirmed');
    expect(contextOf('No change in [the nodule].')).toBe('affirmed');
    expect(contextOf('This does not cause [pain].')).toBe('affirmed');
    expect(contextOf('Ambulates without difficulty despite [neuropathy].')).toBe('affirmed');
  });

  it('lets a second trigger of the same category govern the text after it', () => {
    expect(contextOf('No fever, no [chills].')).toBe('negated');
  });

  it('negates a target that overlaps a trigger of the same category ("no free air")', () => {
    expect(contextOf('There is no [free air].')).toBe('negated');
  });

  it('does not let a trigger modify a target inside its own words', () => {
    expect(contextOf('Patient [denies] everything.')).toBe('affirmed');
  });

  it('matches triggers case-insensitively', () => {
    expect(contextOf('NO [EDEMA].')).toBe('negated');
  });
});

describe('history', () => {
  it('marks a condition after "history of" as historical', () => {
    expect(contextOf('History of [myocardial infarction].')).toBe('historical');
  });

  it('keeps shorthand such as "h/o", "s/p" and "hx of" matchable', () => {
    expect(contextOf('h/o [stroke].')).toBe('historical');
    expect(contextOf('s/p [CABG].')).toBe('historical');
    expect(contextOf('Hx of [DVT].')).toBe('historical');
  });

  it('ends the historical scope at "presents with"', () => {
    expect(contextOf('History of CHF, presents with [chest pain].')).toBe('affirmed');
  });

  it('does not treat "history of present illness" or "two-day history of" as history', () => {
    expect(contextOf('History of present illness: [cough].')).toBe('affirmed');
    expect(contextOf('A two-day history of [fever].')).toBe('affirmed');
  });

  it('combines negation and history ("no history of")', () => {
    expect(contextOf('No history of [diabetes].')).toBe('negated historical');
  });
});

describe('hypothetical', () => {
  it('marks a condition after "return if" or "call if" as hypothetical', () => {
    expect(contextOf('Return if [chest pain] recurs.')).toBe('hypothetical');
    expect(contextOf('Call if [fever] develops.')).toBe('hypothetical');
  });

  it('marks a condition after "risk of" as hypothetical', () => {
    expect(contextOf('Discussed the risk of [bleeding].')).toBe('hypothetical');
  });

  it('marks "DVT prophylaxis" as hypothetical, looking back a few words', () => {
    expect(contextOf('Heparin for [DVT] prophylaxis.')).toBe('hypothetical');
  });
});

describe('experiencer', () => {
  it('attributes a condition after "mother" to someone other than the patient', () => {
    expect(contextOf('Mother had [breast cancer].')).toBe('other');
  });

  it('attributes a condition after "family history of" to the family', () => {
    expect(contextOf('Family history of [colon cancer].')).toBe('historical other');
  });

  it('ends the family scope at "patient"', () => {
    expect(contextOf('Father had a stroke; patient reports [headache].')).toBe('affirmed');
  });
});

describe('uncertainty', () => {
  it('marks a condition after "possible", "suspicious for" or "r/o" as uncertain', () => {
    expect(contextOf('Possible [pneumonia].')).toBe('uncertain');
    expect(contextOf('Findings suspicious for [malignancy].')).toBe('uncertain');
    expect(contextOf('r/o [sepsis].')).toBe('uncertain');
  });

  it('marks a condition before "cannot be excluded" as uncertain, not negated', () => {
    expect(contextOf('[Pulmonary embolism] cannot be excluded.')).toBe('uncertain');
  });

  it('marks both sides of "versus" as uncertain', () => {
    expect(contextOf('[Pneumonia] versus atelectasis.')).toBe('uncertain');
    expect(contextOf('Pneumonia versus [atelectasis].')).toBe('uncertain');
  });
});

describe('offsets and reuse', () => {
  it('takes sentence and target as offsets into the whole text', () => {
    const text = 'Fever present. Denies cough.';
    const sentence = { start: 15, end: text.length };
    expect(render(assertContext(text, sentence, { start: 22, end: 27 }))).toBe('negated');
    expect(render(assertContext(text, { start: 0, end: 14 }, { start: 0, end: 5 }))).toBe('affirmed');
  });

  it('answers many targets from one reading of the sentence', () => {
    const text = 'No fever but cough.';
    const context = readContext(text, { start: 0, end: text.length });
    expect(render(context.assert({ start: 3, end: 8 }))).toBe('negated');
    expect(render(context.assert({ start: 13, end: 18 }))).toBe('affirmed');
  });
});

describe('robustness', () => {
  it('never throws on an empty sentence', () => {
    expect(render(assertContext('', { start: 0, end: 0 }, { start: 0, end: 0 }))).toBe('affirmed');
  });

  it('never throws on spans outside the text or reversed', () => {
    expect(() => assertContext('no fever', { start: -5, end: 99 }, { start: 50, end: 2 })).not.toThrow();
    expect(() => assertContext('no fever', { start: NaN, end: Infinity }, { start: 3, end: NaN })).not.toThrow();
  });

  it('never throws on lone surrogates and odd Unicode', () => {
    const text = 'no \uD800 fever \uDFFF\u0000 \u202E pain 🙂 e\u0301dema';
    expect(render(assertContext(text, { start: 0, end: text.length }, { start: 5, end: 10 }))).toBe('negated');
  });

  it('reads a 200 KB sentence right', () => {
    const text = 'no fever, '.repeat(20_000) + 'but cough.';
    const a = assertContext(text, { start: 0, end: text.length }, { start: text.length - 6, end: text.length - 1 });
    expect(render(a)).toBe('affirmed');
  });

  it('takes time linear in the sentence: per KB, 200 KB costs at most 6x what 2 KB costs (a ratio, never a time)', () => {
    // As test/property/linear-time.test.ts: interleaved runs, medians, only a ratio asserted. A
    // quadratic scan of triggers against the sentence would make the ratio about 100.
    const sentence = (repeats: number): string => 'no fever, '.repeat(repeats) + 'but cough.';
    const perKb = (text: string, times: number): number => {
      const started = performance.now();
      for (let i = 0; i < times; i++) assertContext(text, { start: 0, end: text.length }, { start: text.length - 6, end: text.length - 1 });
      return (performance.now() - started) / times / (text.length / 1024);
    };
    const small = sentence(200);
    const large = sentence(20_000);
    perKb(small, 20);
    perKb(large, 1); // warm-up
    const ratios: number[] = [];
    for (let round = 0; round < 5; round++) ratios.push(perKb(large, 1) / perKb(small, 20));
    ratios.sort((a, b) => a - b);
    expect(ratios[2]).toBeLessThan(6);
  });
});
