/**
 * The hand-off follows the confidence policy: the editor's hand-off (`handoffOf`, what the worker
 * answers) lists open low-confidence findings only when the view shows them, and marks them; a
 * dismissal is listed whatever it hid. The text rendering marks them with their reasons.
 */
import { describe, expect, it } from 'vitest';
import { handoffOf } from '../../plugin/queries/service.js';
import { analyze } from '../../src/analyze.js';
import { handoff, handoffToText } from '../../src/queries/index.js';

// Obesity told only as a stage of life is low confidence; the CHF is high.
const TEXT = 'ASSESSMENT: CHF.\nSOCIAL HISTORY: He struggled with obesity as a teenager.\n';
const request = { text: TEXT, options: {}, answered: [], dismissed: [] };

describe('hand-off and confidence', () => {
  it('handoff() names every low-confidence finding it lists, with its reasons', () => {
    const analysis = analyze(TEXT);
    const obesity = analysis.findings.find((f) => f.family === 'obesity')!;
    const summary = handoff(analysis, { text: TEXT, answered: [], dismissed: [] });
    expect(summary.lowConfidence).toEqual([{ findingId: obesity.id, reasons: obesity.confidenceReasons }]);
    expect(summary.lowConfidence[0]!.reasons).toContain('told as a past stage of life');
    const text = handoffToText(summary);
    expect(text).toMatch(/- .*[Oo]besity.*\(low confidence: .*told as a past stage of life.*\)/);
    expect(text).not.toMatch(/Heart failure.*low confidence/);
  });

  it('the clinician view (default) leaves open low-confidence findings out', () => {
    const summary = handoffOf(request);
    expect(summary.unanswered.map((q) => q.family)).toEqual(['heart-failure']);
    expect(summary.codes.map((c) => c.rule)).toEqual(['missing-specificity/heart-failure']);
    expect(summary.lowConfidence).toEqual([]);
  });

  it('includeLowConfidence (CDI view, show-low-confidence) lists them, marked', () => {
    const summary = handoffOf({ ...request, includeLowConfidence: true });
    expect(summary.unanswered.map((q) => q.family).sort()).toEqual(['heart-failure', 'obesity']);
    const obesity = summary.unanswered.find((q) => q.family === 'obesity')!;
    expect(summary.lowConfidence.map((l) => l.findingId)).toEqual([obesity.findingId]);
  });

  it('a dismissed low-confidence finding is listed as dismissed in either view', () => {
    const obesity = analyze(TEXT).findings.find((f) => f.family === 'obesity')!;
    const dismissed = [{ findingId: 'd1', kind: obesity.kind, family: obesity.family, start: obesity.start, end: obesity.end, text: obesity.text, reason: 'not-clinically-significant' }];
    for (const includeLowConfidence of [false, true]) {
      const summary = handoffOf({ ...request, dismissed, includeLowConfidence } as Parameters<typeof handoffOf>[0]);
      expect(summary.dismissed.map((d) => d.rule)).toEqual(['missing-specificity/obesity']);
      expect(summary.unanswered.map((q) => q.family)).toEqual(['heart-failure']);
    }
  });
});
