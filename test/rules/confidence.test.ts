/**
 * Confidence: every finding of every kind carries `confidence` and `confidenceReasons`, set in one
 * place; `defaultVisible` keeps the high ones.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { defaultVisible } from '../../src/index.js';

describe('confidence', () => {
  it('every finding of every kind has a confidence and reasons', () => {
    const text = 'ASSESSMENT:\n1. CHF.\n2. Urosepsis.\n3. BMI 45.\n4. Possible pneumonia.';
    for (const setting of ['inpatient', 'outpatient'] as const) {
      const findings = analyze(text, { setting }).findings;
      expect(findings.length).toBeGreaterThan(1);
      for (const f of findings) {
        expect(['high', 'low']).toContain(f.confidence);
        expect(Array.isArray(f.confidenceReasons)).toBe(true);
      }
    }
  });
  it('a diagnosis in the assessment is high, with no reasons', () => {
    const [f] = analyze('ASSESSMENT: CHF.').findings;
    expect([f!.confidence, f!.confidenceReasons]).toEqual(['high', []]);
    expect(defaultVisible(f!)).toBe(true);
  });
  it('a chronic condition told only as a past stage of life is low, with its reasons', () => {
    const f = analyze('SOCIAL HISTORY: He struggled with obesity as a teenager. He exercises daily.').findings.find((x) => x.family === 'obesity');
    expect(f?.confidence).toBe('low');
    expect(f?.confidenceReasons).toContain('told as a past stage of life');
    expect(f?.confidenceReasons).toContain('only in narrative');
    expect(defaultVisible(f!)).toBe(false);
  });
  it('the same condition also listed as a problem is high', () => {
    const f = analyze('PROBLEMS: Obesity.\nSOCIAL HISTORY: He struggled with obesity as a teenager.').findings.find((x) => x.family === 'obesity');
    expect(f?.confidence).toBe('high');
  });
  it('a finding built by hand without the field is visible by default', () => {
    expect(defaultVisible({})).toBe(true);
  });
});
