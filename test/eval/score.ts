/**
 * Scoring of `missing-specificity` on a labelled set of notes (shared/eval/dev, shared/eval/validation),
 * as shared/eval/GUIDE.md says: per note, the set of (family, axis) pairs; micro precision, recall and
 * F1 over all notes, and per family. Every false positive and false negative is kept with its evidence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analyzer } from '../../src/analyze.js';
import type { Finding } from '../../src/types.js';

interface Label { family: string; axis: string; evidence: string; doubt?: string }
/** One line of a `labels.jsonl`. */
export interface NoteLabels { id: string; gaps: Label[]; specific?: Label[] }

/** True positives, false positives and false negatives. */
export interface Counts { tp: number; fp: number; fn: number }

/** The score of one set under one output filter. */
export interface SetScore {
  notes: number;
  micro: Counts;
  families: Map<string, Counts>;
  /** "FP id family/axis: evidence" lines, sorted. */
  errors: string[];
}

/** Which findings an output shows: `default` the high-confidence ones, `all` every one. */
export type Output = 'default' | 'all';

/** Whether `finding` is shown in `output` (low-confidence findings only with `--all`). */
export function shown(finding: Finding, output: Output): boolean {
  return output === 'all' || finding.confidence !== 'low';
}

/** Reads a labelled set: its labels and each note's text. */
export function readSet(dir: string): Array<{ labels: NoteLabels; text: string }> {
  const lines = readFileSync(join(dir, 'labels.jsonl'), 'utf8').split('\n').filter(Boolean);
  return lines.map((l) => {
    const labels = JSON.parse(l) as NoteLabels;
    return { labels, text: readFileSync(join(dir, 'notes', `${labels.id}.txt`), 'utf8') };
  });
}

/** Precision, recall and F1 of counts (1 when there is nothing to count). */
export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/**
 * Scores `analyzer` on `set` for `output`. `inScope` narrows the families scored (for `--family`).
 * Low-confidence findings are marked "(low: reasons)" in the error lines.
 */
export function scoreSet(
  analyzer: Analyzer, set: ReadonlyArray<{ labels: NoteLabels; text: string }>, output: Output,
  inScope: (family: string) => boolean = () => true,
  analyses?: Map<string, Finding[]>,
): SetScore {
  const families = new Map<string, Counts>();
  const micro: Counts = { tp: 0, fp: 0, fn: 0 };
  const bump = (family: string, k: keyof Counts) => {
    const c = families.get(family) ?? { tp: 0, fp: 0, fn: 0 };
    c[k]++;
    micro[k]++;
    families.set(family, c);
  };
  const errors: string[] = [];
  for (const { labels: note, text } of set) {
    let all = analyses?.get(note.id);
    if (!all) {
      all = analyzer(text).findings;
      analyses?.set(note.id, all);
    }
    const findings = all.filter((f) => f.kind === 'missing-specificity' && f.family !== null && inScope(f.family) && shown(f, output));
    const predicted = new Map<string, string>();
    for (const f of findings) {
      const low = f.confidence === 'low' ? ` (low: ${(f.confidenceReasons ?? []).join('; ')})` : '';
      const context = text.slice(Math.max(0, f.start - 60), Math.min(text.length, f.end + 60)).replace(/\s+/g, ' ');
      for (const axis of f.axes) {
        const key = `${f.family}/${axis}`;
        if (!predicted.has(key)) predicted.set(key, `"${f.text}" @${f.start} [${f.section}]${low} …${context}…`);
      }
    }
    const gold = new Map<string, Label>();
    for (const g of note.gaps) if (inScope(g.family)) gold.set(`${g.family}/${g.axis}`, g);
    for (const [pair, evidence] of predicted) {
      const family = pair.split('/')[0]!;
      if (gold.has(pair)) bump(family, 'tp');
      else {
        bump(family, 'fp');
        const spec = note.specific?.find((s) => `${s.family}/${s.axis}` === pair);
        errors.push(`FP ${note.id} ${pair}: ${evidence}${spec ? ` (labelled specific: "${spec.evidence}")` : ''}`);
      }
    }
    for (const [pair, label] of gold) {
      if (!predicted.has(pair)) {
        bump(pair.split('/')[0]!, 'fn');
        errors.push(`FN ${note.id} ${pair}: "${label.evidence}"${label.doubt ? ` (doubt: ${label.doubt})` : ''}`);
      }
    }
  }
  return { notes: set.length, micro, families, errors: errors.sort() };
}
