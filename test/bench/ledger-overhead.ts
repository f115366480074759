/**
 * `npx tsx test/bench/ledger-overhead.ts`: what tracking answers and dismissals through edits costs
 * per keystroke (for undo to bring back the ones an edit breaks, see plugin/prosemirror/suspension.ts).
 *
 * Applies 5,000 one-character insertions at spread positions of a 40-line note to an EditorState
 * with the history and cdi-lint plugins (no view, no analysis), with no records and with 40 (20
 * answers, 20 dismissals, on the lines' "CHF"), twice each, and prints microseconds per transaction.
 */
import { EditorState } from 'prosemirror-state';
import { history } from 'prosemirror-history';
import { cdiLint } from '../../plugin/prosemirror/plugin.js';
import { LedgerStep } from '../../plugin/prosemirror/ledger-step.js';
import type { LedgerOp } from '../../plugin/prosemirror/ledger-step.js';
import { textToDoc, textMap } from '../../plugin/positions.js';
import { noteSchema } from '../../plugin/schema.js';

const base = Array.from({ length: 40 }, (_, i) => `Line ${i}: CHF and CKD noted.`).join('\n');
function setup(records: number): EditorState {
  let state = EditorState.create({ doc: textToDoc(noteSchema, base), plugins: [history(), cdiLint({ analyzer: { analyze: async () => ({ findings: [] } as never) } })] });
  const map = textMap(state.doc);
  const ops: LedgerOp[] = [];
  for (let i = 0; i < records; i++) {
    const at = base.indexOf('CHF', base.indexOf(`Line ${i}:`));
    const r = map.toRange({ start: at, end: at + 3 });
    if (i % 2) ops.push({ op: 'dismiss', dismissal: { key: `d${i}`, kind: 'missing-specificity', family: 'heart-failure', text: 'CHF', ...r, reason: 'other', findingId: `f${i}` } });
    else ops.push({ op: 'record', entry: { key: `a${i}`, findingId: `f${i}`, finding: {} as never, query: {} as never, answer: {} as never, edit: null, replaced: '', written: { ...r, text: 'CHF' } } });
  }
  if (ops.length) state = state.apply(state.tr.step(new LedgerStep(ops)));
  return state;
}
for (const records of [0, 40, 0, 40]) {
  let state = setup(records);
  const n = 5000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const pos = (i * 7919) % (state.doc.content.size - 2) + 1;
    state = state.apply(state.tr.insertText('x', pos));
  }
  const typed = (performance.now() - t0) / n;
  console.log(`${records} records: ${(typed * 1000).toFixed(1)} µs per keystroke transaction`);
}
