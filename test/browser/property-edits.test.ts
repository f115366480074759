/**
 * Property: whatever the user does to a note, the plugin's findings stay on their words and end
 * where a fresh analysis would put them.
 *
 * Random notes (clinical sentences and arbitrary strings, blank lines included) go through random
 * edit sequences in a real EditorView with the cdi-lint plugin and the inline analyser: typing
 * (clinical terms and arbitrary text), deleting ranges, pasting multi-line text, Enter, undo,
 * redo, applying an answer to a current finding, dismissing one, and letting the analysis settle.
 *
 * After every step: each decoration lies inside the document, has exactly one finding, covers the
 * finding's range and reads the finding's words (`finding.text`), in the state and in the DOM; every
 * finding has its decoration; every live dismissal still reads its words.
 * After the last step has settled (an analysis that read the final document has been applied):
 * the visible findings are exactly those of a full `analyze()` of the final text, minus the ones a
 * live dismissal hides.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { EditorView } from 'prosemirror-view';
import { history, redo, undo } from 'prosemirror-history';
import { splitBlock } from 'prosemirror-commands';
import { applyAnswer, cdiLint, cdiLintKey, dismissFinding, getFindings } from '../../plugin/prosemirror/index.js';
import type { CdiLintAction, CdiLintState, Dismissal } from '../../plugin/prosemirror/index.js';
import type { FindingDecorationSpec } from '../../plugin/prosemirror/decorations.js';
import { createInlineAnalyzer } from '../../plugin/prosemirror/inline-analyzer.js';
import { docToText, textBetween, textMap, textToDoc } from '../../plugin/positions.js';
import { noteClipboardTextParser, noteSchema } from '../../plugin/schema.js';
import { analyze } from '../../src/index.js';

/** Runs of the property (each: one note, up to MAX_STEPS edits). Chosen to finish in well under 30 s. */
const NUM_RUNS = 300;
const MAX_STEPS = 40;

const SENTENCES = [
  'PAST MEDICAL HISTORY: CHF, CKD, anemia.',
  'PMH: HTN, DM, knee OA.',
  'Assessment: acute on chronic systolic heart failure.',
  'Plan: diuresis for CHF exacerbation.',
  'No pneumonia. History of sepsis in 2019.',
  'Patient with AKI and afib.',
  'Severe protein-calorie malnutrition.',
  'Metabolic encephalopathy, resolving.',
  'Acute respiratory failure with hypoxia.',
  'CKD stage 3b. Left knee osteoarthritis.',
  'Family history: mother with CHF.',
  'Possible pneumonia.',
  '',
];

const TERMS = [
  'CHF', 'heart failure', 'acute ', 'chronic ', 'systolic ', 'diastolic ', 'acute on chronic ', 'CKD', 'stage 4 ',
  'anemia', 'iron deficiency ', 'pneumonia', 'aspiration ', 'knee OA', 'left ', 'bilateral ', 'AKI', 'ATN ', 'sepsis',
  'afib', 'paroxysmal ', 'diabetes', 'type 2 ', 'malnutrition', 'severe ', 'encephalopathy', 'respiratory failure',
  'hypoxic ', 'no ', 'history of ', 'denies ', 'PMH: ', 'Assessment: ', ', ', '. ', ' ', '\t',
];

/** A position in the note as a fraction of its length (so it fits any document). */
const at = fc.double({ min: 0, max: 1, noNaN: true });
const freeText = fc.string({ maxLength: 12 }).map((s) => s.replace(/\n/g, ' '));
const line = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SENTENCES) }, { weight: 1, arbitrary: freeText });
const note = fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => lines.join('\n'));

type Op =
  | { op: 'type'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'paste'; at: number; text: string }
  | { op: 'enter'; at: number }
  | { op: 'undo' }
  | { op: 'redo' }
  | { op: 'answer'; which: number; choice: number }
  | { op: 'dismiss'; which: number }
  | { op: 'settle' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('type' as const), at, text: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TERMS) }, { weight: 1, arbitrary: freeText }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('paste' as const), at, text: fc.array(line, { minLength: 1, maxLength: 4 }).map((l) => l.join('\n')) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('enter' as const), at }) },
  { weight: 2, arbitrary: fc.constant({ op: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'redo' as const }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('answer' as const), which: fc.nat(), choice: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('dismiss' as const), which: fc.nat() }) },
  { weight: 3, arbitrary: fc.constant({ op: 'settle' as const }) },
);

/** A plain ProseMirror editor with the plugin, tracking which document each analysis read. */
function mount(text: string) {
  const place = document.createElement('div');
  place.style.whiteSpace = 'pre-wrap';
  document.body.append(place);
  const read = new Map<number, Node>();
  let analysed: Node | undefined;
  let wake: (() => void) | undefined;
  const view: EditorView = new EditorView(place, {
    state: EditorState.create({
      doc: textToDoc(noteSchema, text),
      plugins: [history(), cdiLint({ analyzer: createInlineAnalyzer(), debounceMs: 0 })],
    }),
    clipboardTextParser: noteClipboardTextParser,
    dispatchTransaction(tr: Transaction) {
      view.updateState(view.state.apply(tr));
      const action = tr.getMeta(cdiLintKey) as CdiLintAction | undefined;
      if (action?.type === 'request') read.set(action.id, view.state.doc);
      if (action?.type === 'results') analysed = read.get(action.id);
      if (action?.type === 'failed') throw new Error('the inline analyser failed');
      wake?.();
    },
  });
  const plugin = (): CdiLintState => cdiLintKey.getState(view.state)!;
  return {
    view,
    plugin,
    /** Resolves once results of an analysis that read the current document are applied. */
    async settle(): Promise<void> {
      const deadline = performance.now() + 5_000;
      while (analysed !== view.state.doc || plugin().pending !== null) {
        if (performance.now() > deadline) throw new Error('analysis did not settle');
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 20);
        });
        wake = undefined;
      }
    },
    destroy(): void {
      view.destroy();
      place.remove();
    },
  };
}

/** A document position for a fraction of the note's text (clamped into a paragraph). */
function positionAt(doc: Node, fraction: number): number {
  const text = docToText(doc);
  const offset = Math.round(fraction * text.length);
  return textMap(doc).toRange({ start: offset, end: offset }).from;
}

/** What the runs did, for the log line (a property that never answers or dismisses proves little). */
const tally = { steps: 0, settles: 0, answers: 0, dismissals: 0, finalFindings: 0 };

function run(view: EditorView, step: Op): void {
  const { state } = view;
  const dispatch = (tr: Transaction): void => view.dispatch(tr);
  const findings = getFindings(state);
  switch (step.op) {
    case 'type': {
      const pos = positionAt(state.doc, step.at);
      dispatch(state.tr.insertText(step.text, pos));
      return;
    }
    case 'delete': {
      const text = docToText(state.doc);
      const start = Math.round(step.at * text.length);
      const end = Math.min(text.length, start + step.length);
      const range = textMap(state.doc).toRange({ start, end });
      if (range.from < range.to) dispatch(state.tr.delete(range.from, range.to));
      return;
    }
    case 'paste': {
      const pos = positionAt(state.doc, step.at);
      dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos)));
      view.pasteText(step.text);
      return;
    }
    case 'enter': {
      const pos = positionAt(state.doc, step.at);
      dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos)));
      splitBlock(view.state, dispatch);
      return;
    }
    case 'undo':
      undo(state, dispatch);
      return;
    case 'redo':
      redo(state, dispatch);
      return;
    case 'answer': {
      const target = findings[step.which % Math.max(1, findings.length)];
      // The finding's own query options that write words before or after the evidence.
      const choices = (target?.query?.items ?? []).flatMap((item) => item.options)
        .filter((o) => o.wording && o.wording.text && (o.wording.placement === 'before' || o.wording.placement === 'after'));
      const choice = choices[step.choice % Math.max(1, choices.length)];
      if (!target || !choice || !choice.wording) return;
      const mode = choice.wording.placement as 'before' | 'after';
      const text = mode === 'before' ? `${choice.wording.text} ` : ` ${choice.wording.text}`;
      expect(applyAnswer(target.id, { text, mode })(state, dispatch), 'answer applied').to.equal(true);
      tally.answers++;
      return;
    }
    case 'dismiss': {
      const target = findings[step.which % Math.max(1, findings.length)];
      if (!target) return;
      expect(dismissFinding(target.id, 'other')(state, dispatch), 'dismissed').to.equal(true);
      tally.dismissals++;
      return;
    }
    case 'settle':
      return;
  }
}

/** The per-step invariants (see the module comment). Returns a description of each breach. */
function breaches(view: EditorView, plugin: CdiLintState): string[] {
  const { doc } = view.state;
  const size = doc.content.size;
  const out: string[] = [];
  const byId = new Map(plugin.findings.map((f) => [f.id, f]));
  const decorated = new Map<string, number>();
  for (const d of plugin.decorations.find()) {
    const id = (d.spec as FindingDecorationSpec).findingId;
    decorated.set(id, (decorated.get(id) ?? 0) + 1);
    const f = byId.get(id);
    if (d.from < 0 || d.to > size || d.from >= d.to) out.push(`decoration ${id} at ${d.from}-${d.to} outside 0-${size}`);
    else if (!f) out.push(`decoration ${id} has no finding`);
    else if (d.from !== f.from || d.to !== f.to) out.push(`decoration ${id} at ${d.from}-${d.to}, finding at ${f.from}-${f.to}`);
    else if (textBetween(doc, d.from, d.to) !== f.finding.text) out.push(`decoration ${id} reads "${textBetween(doc, d.from, d.to)}", finding "${f.finding.text}"`);
  }
  for (const f of plugin.findings) {
    if (decorated.get(f.id) !== 1) out.push(`finding ${f.id} has ${decorated.get(f.id) ?? 0} decorations`);
    const shown = [...view.dom.querySelectorAll(`[data-finding-id="${CSS.escape(f.id)}"]`)].map((e) => e.textContent).join('');
    if (shown !== f.finding.text) out.push(`finding ${f.id} shows "${shown}", finding "${f.finding.text}"`);
  }
  for (const d of plugin.dismissals) {
    // A dismissal whose words were edited is suspended (an undo may bring it back), never misplaced.
    if (d.to <= d.from || d.to > doc.content.size) out.push(`dismissal of "${d.text}" at ${d.from}-${d.to} is outside the document`);
  }
  return out;
}

/** Whether a dismissal in force hides an engine finding placed at `range` (the plugin's documented rule). */
function hidden(doc: EditorView['state']['doc'], dismissals: readonly Dismissal[], f: { kind: string; family: string | null; text: string }, range: { from: number; to: number }, mentions: { from: number; to: number }[]): boolean {
  return dismissals.some(
    (d) =>
      textBetween(doc, d.from, d.to) === d.text &&
      d.kind === f.kind &&
      d.family === f.family &&
      ((d.from === range.from && d.to === range.to && d.text === f.text) || mentions.some((m) => m.from === d.from && m.to === d.to)),
  );
}

/** Findings as compact strings: `kind family start-end "text"` in text offsets. */
function visible(view: EditorView, plugin: CdiLintState): string[] {
  const map = textMap(view.state.doc);
  return plugin.findings.map((f) => {
    const span = map.toSpan(f);
    return `${f.finding.kind} ${f.finding.family} ${span.start}-${span.end} "${f.finding.text}"`;
  });
}

function expected(view: EditorView, plugin: CdiLintState): string[] {
  const { doc } = view.state;
  const map = textMap(doc);
  return analyze(docToText(doc), { setting: 'inpatient' })
    .findings.filter((f) => !hidden(doc, plugin.dismissals, f, map.toRange(f), f.mentions.map((m) => map.toRange(m))))
    .map((f) => `${f.kind} ${f.family} ${f.start}-${f.end} "${f.text}"`);
}

describe('cdi-lint plugin under random edits (property)', () => {
  it('keeps decorations on their findings\' words, and ends with the findings of a fresh analysis', async function () {
    this.timeout(60_000);
    analyze('PMH: CHF.', { setting: 'inpatient' }); // load the model before timing runs
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(note, fc.array(op, { minLength: 1, maxLength: MAX_STEPS, size: 'medium' }), async (text, ops) => {
        const editor = mount(text);
        try {
          await editor.settle();
          for (const step of ops) {
            run(editor.view, step);
            tally.steps++;
            expect(breaches(editor.view, editor.plugin()), `after ${JSON.stringify(step)}`).to.deep.equal([]);
            if (step.op === 'settle') {
              await editor.settle();
              tally.settles++;
              expect(breaches(editor.view, editor.plugin()), 'after the analysis settled').to.deep.equal([]);
            }
          }
          await editor.settle();
          expect(breaches(editor.view, editor.plugin()), 'after the last analysis').to.deep.equal([]);
          const shown = visible(editor.view, editor.plugin());
          tally.finalFindings += shown.length;
          expect([...shown].sort(), `final text ${JSON.stringify(docToText(editor.view.state.doc))}`).to.deep.equal(
            [...expected(editor.view, editor.plugin())].sort(),
          );
        } finally {
          editor.destroy();
        }
      }),
      { numRuns: NUM_RUNS },
    );
    const t = tally;
    console.log(
      `property-edits: ${NUM_RUNS} runs, ${t.steps} steps (${t.settles} settles, ${t.answers} answers, ${t.dismissals} dismissals), ` +
        `${t.finalFindings} final findings compared, ${Math.round(performance.now() - started)} ms`,
    );
  });
});
