/**
 * Model-based property test of `<cdi-editor>` in Chromium: random sequences of typing (through the
 * browser's own input path, which ProseMirror reads back from the DOM), pasting (with `\r` and
 * `\r\n`), answering (every option kind, "Other" with free text, multi-part answers given item
 * by item), dismissing, restoring, deleting the words of an answer or a dismissal (and sometimes
 * typing them again by hand), undo and redo, run against a plain model:
 *
 * - the text is a string; typing and pasting insert at the caret; an answer changes the text by
 *   `applyAnswerToText` on the text it was given (computed from the knowledge base, not from the
 *   page's copy of it), and the option showed exactly those words beforehand;
 * - every user event (typing, paste, answer, dismissal, restore) is one undo step; undo and redo
 *   move between snapshots of the model (text, answers, dismissals);
 * - answers and dismissals keep their words' place through edits as positions do (a word typed
 *   inside them changes them; undoing it restores them); deleting their words lets them lapse, and
 *   undoing the deletion restores them as they were (a snapshot), but typing the same words again
 *   by hand does not.
 *
 * After every step the element's text must equal the model's, exactly; every few steps and at the
 * end, the hand-off's answers must equal the model's latest answer per condition, and the
 * element's dismissals the model's. Zero differences allowed. Fixed seed; the run logs its counts.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { TextSelection, type EditorState } from 'prosemirror-state';
import { closeHistory, redo, undo } from 'prosemirror-history';
import { deleteSelection } from 'prosemirror-commands';
import type { EditorView } from 'prosemirror-view';
import '../../plugin/element/cdi-editor.js';
import type { CdiEditor } from '../../plugin/element/cdi-editor.js';
import { textMap } from '../../plugin/positions.js';
import { splitEdit } from '../../plugin/prosemirror/answer.js';
import { applyAnswerToText, chosenOptions } from '../../src/queries/index.js';
import type { Finding } from '../../src/types.js';
import type { ItemAnswer, Query, QueryAnswer, TextEdit } from '../../src/queries/types.js';
import { enter, openPopover, optionButton, paste, previewOf, settle, shadow, typeOther, viewOf } from './editor-harness.js';

const NUM_RUNS = Number(new URLSearchParams(location.search).get('runs') ?? 0) || 200;
const SEED = 20261202;

const NOTES: Array<{ text: string; setting: 'inpatient' | 'outpatient' }> = [
  { text: 'PMH: CHF, CKD, anemia.\nNa 126 mEq/L. Admitted with urosepsis.', setting: 'inpatient' },
  { text: 'BMI 42. Assessment: left leg vein DVT.\nPMH: CKD stage 3, CHF.', setting: 'inpatient' },
  { text: 'Problems: Anemia. CHF.\r\nPlan: diuresis.', setting: 'inpatient' },
  { text: 'Possible pneumonia.\nHTN, CHF.', setting: 'outpatient' },
  { text: '', setting: 'inpatient' },
];
const TYPED = ['x', ' stable', 'CHF', ' CKD', ', anemia', 'acute ', '\t', 'é', '😀', ' urosepsis', 'Na 128', ' DVT', 'q'];
const PASTED = ['\r', '\r\n', 'a\r\nb', 'CHF\rstable', 'Na 126\r\nCKD', '\n\n', 'anemia\r\n', 'BMI 41\r'];
const OTHER_TEXT = (finding: Finding): string[] => [`${finding.text.toLowerCase()} of chronic disease`, 'subacute', `calf vein ${finding.text}`, 'iron deficiency', `Acute ${finding.text}`];

type Step =
  | { op: 'type'; at: number; text: number }
  | { op: 'paste'; at: number; text: number }
  | { op: 'answer'; which: number; picks: Array<{ item: number; option: number; other: number }> }
  | { op: 'dismiss'; which: number; reason: number }
  | { op: 'restore'; which: number }
  | { op: 'delete'; which: number; left: number; right: number; retype: boolean }
  | { op: 'undo' }
  | { op: 'redo' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('type' as const), at: fc.nat(), text: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('paste' as const), at: fc.nat(), text: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('answer' as const), which: fc.nat(), picks: fc.array(fc.record({ item: fc.nat(), option: fc.nat(), other: fc.nat() }), { minLength: 1, maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('dismiss' as const), which: fc.nat(), reason: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('restore' as const), which: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), which: fc.nat(), left: fc.nat(2), right: fc.nat(2), retype: fc.boolean() }) },
  { weight: 3, arbitrary: fc.constant({ op: 'undo' as const }) },
  { weight: 2, arbitrary: fc.constant({ op: 'redo' as const }) },
);

// ---- the model ----------------------------------------------------------------------------------

interface Range { from: number; to: number }
interface MDismissal extends Range { key: number; family: string | null; text: string; user: boolean }
interface MEntry { id: string; kind: string; text: string; family: string | null; labels: string[]; written: (Range & { text: string }) | null; dismissal: number | null }
interface Snapshot { text: string; entries: MEntry[]; dismissals: MDismissal[] }

/** ProseMirror's mapping of one replaced range `[a, b)` → `n` characters (StepMap semantics). */
function mapPos(pos: number, assoc: -1 | 1, a: number, b: number, n: number): number {
  if (pos < a) return pos;
  if (pos > b) return pos + n - (b - a);
  const side = a === b ? assoc : pos === a ? -1 : pos === b ? 1 : assoc;
  return a + (side < 0 ? 0 : n);
}

class Model {
  now: Snapshot;
  done: Snapshot[] = [];
  undone: Snapshot[] = [];
  private keys = 0;

  constructor(text: string) {
    this.now = { text, entries: [], dismissals: [] };
  }

  /** A new user event: the current snapshot goes on the undo stack. */
  event(): void {
    this.done.push(structuredClone(this.now));
    this.undone = [];
  }

  undo(): void {
    const previous = this.done.pop();
    if (!previous) return;
    this.undone.push(this.now);
    this.now = previous;
  }

  redo(): void {
    const next = this.undone.pop();
    if (!next) return;
    this.done.push(this.now);
    this.now = next;
  }

  /** Replaces `[a, b)` of the text with `insert`, mapping every range as ProseMirror maps positions. */
  edit(a: number, b: number, insert: string): void {
    const n = insert.length;
    const s = this.now;
    s.text = s.text.slice(0, a) + insert + s.text.slice(b);
    for (const e of s.entries) {
      if (!e.written) continue;
      const from = mapPos(e.written.from, 1, a, b, n);
      e.written = { ...e.written, from, to: Math.max(from, mapPos(e.written.to, -1, a, b, n)) };
    }
    s.dismissals = s.dismissals.flatMap((d) => {
      const from = mapPos(d.from, 1, a, b, n);
      const to = mapPos(d.to, -1, a, b, n);
      return to > from ? [{ ...d, from, to }] : [];
    });
  }

  newKey(): number {
    return ++this.keys;
  }

  /** The latest standing answer per condition, as `family: labels`. */
  answers(): string[] {
    const s = this.now;
    const standing = s.entries.filter((e) =>
      e.written ? e.written.to > e.written.from && s.text.slice(e.written.from, e.written.to) === e.written.text
        : e.dismissal === null || s.dismissals.some((d) => d.key === e.dismissal));
    // One condition: the same finding, or the same kind and family on the same words (one within the other).
    const same = (a: MEntry, b: MEntry): boolean =>
      a.id === b.id || (a.kind === b.kind && a.family === b.family
        && (a.text.toLowerCase().includes(b.text.toLowerCase()) || b.text.toLowerCase().includes(a.text.toLowerCase())));
    const latest = standing.filter((e, i) => !standing.slice(i + 1).some((l) => same(l, e)));
    return latest.map((e) => `${e.family}: ${e.labels.join('; ')}`).sort();
  }

  /** The ranges of the answers that stand by their words, and of the dismissals in force (any reason). */
  recordRanges(): Range[] {
    const s = this.now;
    const written = s.entries.flatMap((e) => (e.written && e.written.to > e.written.from && s.text.slice(e.written.from, e.written.to) === e.written.text ? [e.written] : []));
    const dismissed = s.dismissals.filter((d) => s.text.slice(d.from, d.to) === d.text);
    return [...written, ...dismissed].map(({ from, to }) => ({ from, to }));
  }

  /** The user's dismissals in force, as `family "words"`. */
  dismissed(): string[] {
    const s = this.now;
    return s.dismissals.filter((d) => d.user && s.text.slice(d.from, d.to) === d.text).map((d) => `${d.family} "${d.text}"`).sort();
  }
}

// ---- driving the element ------------------------------------------------------------------------

const tally = { runs: 0, steps: 0, checks: 0, handoffChecks: 0, typed: 0, pasted: 0, answers: 0, parts: 0, others: 0, undetermined: 0, dismissals: 0, restores: 0, deletes: 0, retyped: 0, undos: 0, redos: 0, differences: 0 };

function caretAt(view: EditorView, offset: number): void {
  const map = textMap(view.state.doc);
  const pos = map.toPos(offset, 1);
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)));
}

/** Each user event its own undo step, as after a pause in typing (ProseMirror groups edits within 500 ms). */
function pause(view: EditorView): void {
  view.dispatch(closeHistory(view.state.tr));
}

function labelsOf(query: Query, answer: QueryAnswer): string[] {
  return chosenOptions(query, answer).map((c) => (c.option.role === 'other' ? `${c.option.label}: ${c.text}` : c.option.label));
}

const withoutWriting = (query: Query): Query => {
  const { writing: _, ...rest } = query;
  return rest;
};

/** Analyses the note unless the findings shown are already those of this very text. */
let settledDoc: unknown = null;
async function settled(el: CdiEditor, view: EditorView): Promise<void> {
  if (settledDoc === view.state.doc) return;
  await settle(el);
  settledDoc = view.state.doc;
}

async function run(el: CdiEditor, steps: Step[], note: (typeof NOTES)[number]): Promise<void> {
  el.setAttribute('setting', note.setting);
  el.value = '\u0000';
  el.value = note.text;
  await settle(el);
  const view = viewOf(el);
  const model = new Model(note.text);
  const check = (what: string): void => {
    tally.checks++;
    if (el.value !== model.now.text) tally.differences++;
    expect(JSON.stringify(el.value), `text after ${what}: ${JSON.stringify(el.value)} vs model ${JSON.stringify(model.now.text)}`).to.equal(JSON.stringify(model.now.text));
  };
  const checkHandoff = async (what: string): Promise<void> => {
    tally.handoffChecks++;
    const summary = await el.handoff();
    const answers = summary.answered.map((a) => `${a.query.family}: ${a.labels.join('; ')}`).sort();
    const dismissed = el.dismissals.map((d) => `${d.family} "${d.text}"`).sort();
    if (JSON.stringify(answers) !== JSON.stringify(model.answers()) || JSON.stringify(dismissed) !== JSON.stringify(model.dismissed())) tally.differences++;
    expect(answers, `hand-off answers after ${what}: ${JSON.stringify(answers)} vs model ${JSON.stringify(model.answers())}, text ${JSON.stringify(model.now.text)}`).to.deep.equal(model.answers());
    expect(dismissed, `dismissals after ${what}`).to.deep.equal(model.dismissed());
  };

  for (const [index, step] of steps.entries()) {
    tally.steps++;
    const what = `step ${index} ${JSON.stringify(step)}`;
    switch (step.op) {
      case 'type':
      case 'paste': {
        const text = model.now.text;
        const at = step.at % (text.length + 1);
        const insert = (step.op === 'type' ? TYPED : PASTED)[step.text % (step.op === 'type' ? TYPED.length : PASTED.length)]!;
        // Between the two halves of a surrogate pair nothing can be typed: skip.
        if (/[\uDC00-\uDFFF]/.test(text.charAt(at))) break;
        if (step.op === 'type') {
          // The browser's own input path: ProseMirror reads the change back from the DOM. An
          // insertion that could be read at two places (it repeats a neighbour) is skipped.
          if (insert.at(-1) === text.charAt(at - 1) || insert.charAt(0) === text.charAt(at)) break;
          view.focus();
          caretAt(view, at);
          model.event();
          document.execCommand('insertText', false, insert);
          tally.typed++;
        } else {
          view.focus();
          caretAt(view, at);
          model.event();
          paste(view, insert);
          tally.pasted++;
        }
        model.edit(at, at, insert);
        // ProseMirror reads a DOM change in a microtask: let it, then end the undo step.
        await Promise.resolve();
        await el.updateComplete;
        pause(view);
        break;
      }
      case 'answer': {
        await settled(el, view);
        const findings = el.findings.filter((f) => el.queryFor(f.id));
        if (findings.length === 0) break;
        const finding = findings[step.which % findings.length]!;
        const query = el.queryFor(finding.id)!;
        const base = model.now.text;
        await openPopover(el, finding.id);
        const choices: ItemAnswer[] = [];
        const items = [...new Set(step.picks.map((p) => p.item % query.items.length))];
        let first = true;
        for (const p of step.picks) {
          const item = query.items[p.item % query.items.length]!;
          if (choices.some((c) => c.itemId === item.id) || !items.includes(query.items.indexOf(item))) continue;
          if (!shadow(el).querySelector('.popover')) break; // the query is done
          const option = item.options[p.option % item.options.length]!;
          const free = option.role === 'other' ? OTHER_TEXT(finding)[p.other % 5]! : undefined;
          const choice: ItemAnswer = free === undefined ? { itemId: item.id, optionId: option.id } : { itemId: item.id, optionId: option.id, text: free };
          const answer: QueryAnswer = { queryId: query.id, choices: [...choices, choice] };
          const expected = applyAnswerToText(base, finding, withoutWriting(query), answer);
          // What the option shows is what it writes.
          let shown: string;
          const fired = new Promise<QueryAnswer>((resolve) => el.addEventListener('cdi-answer', (e) => resolve(e.detail.answer), { once: true }));
          if (free !== undefined) {
            const input = await typeOther(el, item.id, free);
            shown = shadow(el).querySelector<HTMLElement>('#other-preview')?.dataset.preview ?? '';
            if (first) model.event();
            enter(input);
            tally.others++;
          } else {
            const button = optionButton(el, item.id, option.id);
            shown = previewOf(button);
            if (first) model.event();
            button.click();
          }
          if (option.role === 'undetermined' || option.role === 'not-significant') tally.undetermined++;
          await el.updateComplete;
          const given = await Promise.race([fired, new Promise<null>((r) => setTimeout(() => r(null), 50))]);
          expect(JSON.stringify(given?.choices ?? null), `the answer given in ${what} (finding ${finding.id}, session ${JSON.stringify((el as unknown as { popoverCtl: { session: unknown } }).popoverCtl.session)})`).to.equal(JSON.stringify(answer.choices));
          choices.push(choice);
          tally.parts++;
          first = false;
          // The model: the answer so far replaces the text given to the first part.
          const prev = model.now;
          model.now = structuredClone(model.done.at(-1)!);
          model.undone = [];
          applyAnswer(model, expected.edit, base, finding, query, answer, prev);
          if (shown !== '') expect(expected.text.replace(/\s+/g, ' '), `preview of ${item.id}/${option.id} in ${what}`).to.contain(shown);
          check(`${what}, ${item.id}/${option.id}`);
        }
        if (choices.length > 0) tally.answers++;
        pause(view);
        break;
      }
      case 'dismiss': {
        await settled(el, view);
        const findings = el.findings;
        if (findings.length === 0) break;
        const finding = findings[step.which % findings.length]!;
        const popover = await openPopover(el, finding.id);
        const reasons = ['not-clinically-relevant', 'documented-elsewhere', 'address-later', 'other'];
        popover.querySelector<HTMLSelectElement>('select')!.value = reasons[step.reason % reasons.length]!;
        model.event();
        popover.querySelector<HTMLButtonElement>('button[part="dismiss"]')!.click();
        await el.updateComplete;
        model.now.dismissals.push({ key: model.newKey(), family: finding.family, text: finding.text, from: finding.start, to: finding.end, user: true });
        tally.dismissals++;
        break;
      }
      case 'restore': {
        const list = el.dismissals;
        if (list.length === 0) break;
        const target = list[step.which % list.length]!;
        const m = model.now.dismissals.find((d) => d.user && d.from === target.start && d.to === target.end && d.text === target.text);
        expect(m, `the model has the dismissal of "${target.text}"`).to.not.equal(undefined);
        model.event();
        expect(el.restoreDismissal(target.key)).to.equal(true);
        await el.updateComplete;
        model.now.dismissals = model.now.dismissals.filter((d) => d !== m);
        tally.restores++;
        break;
      }
      case 'delete': {
        // Deletes the words of an answer or a dismissal (with up to two characters either side), as
        // Backspace over a selection does; then, sometimes, types the same text again by hand.
        const ranges = model.recordRanges();
        if (ranges.length === 0) break;
        const target = ranges[step.which % ranges.length]!;
        const text = model.now.text;
        let a = Math.max(0, target.from - step.left);
        let b = Math.min(text.length, target.to + step.right);
        if (/[\uDC00-\uDFFF]/.test(text.charAt(a))) a--; // never half a surrogate pair
        if (/[\uDC00-\uDFFF]/.test(text.charAt(b))) b++;
        const words = text.slice(a, b);
        view.focus();
        const range = textMap(view.state.doc).toRange({ start: a, end: b });
        view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)));
        model.event();
        expect(deleteSelection(view.state, view.dispatch), `delete in ${what}`).to.equal(true);
        model.edit(a, b, '');
        await el.updateComplete;
        pause(view);
        tally.deletes++;
        const after = model.now.text;
        // Typed back through the browser's input path, unless it could be read at two places or holds a line break.
        if (step.retype && !/[\r\n]/.test(words) && words.at(-1) !== after.charAt(a - 1) && words.charAt(0) !== after.charAt(a)) {
          check(`${what} (deleted)`);
          caretAt(view, a);
          model.event();
          document.execCommand('insertText', false, words);
          model.edit(a, a, words);
          await Promise.resolve();
          await el.updateComplete;
          pause(view);
          tally.retyped++;
        }
        break;
      }
      case 'undo':
        undo(view.state, view.dispatch);
        model.undo();
        tally.undos++;
        await el.updateComplete;
        break;
      case 'redo':
        redo(view.state, view.dispatch);
        model.redo();
        tally.redos++;
        await el.updateComplete;
        break;
    }
    check(what);
    if (index % 8 === 7) await checkHandoff(what);
  }
  await checkHandoff('the last step');
}

/** The model's side of an answer: its edit (as the smallest changes), its ledger entry and any dismissal. */
function applyAnswer(model: Model, edit: TextEdit, base: string, finding: Finding, query: Query, answer: QueryAnswer, _previous: Snapshot): void {
  const writes = !(edit.insert === '' && edit.from === edit.to);
  for (const part of writes ? splitEdit(base, edit) : []) model.edit(part.from, part.to, part.insert);
  const shift = (offset: number): number => (offset < edit.from ? offset : offset >= edit.to ? offset + edit.insert.length - (edit.to - edit.from) : edit.from);
  const covered = edit.from <= finding.start && finding.end <= edit.to;
  const start = writes ? (covered ? edit.from : shift(finding.start)) : finding.start;
  const end = writes ? (covered ? edit.from + edit.insert.length : shift(finding.end)) : finding.end;
  const roles = answer.choices.map((c) => query.items.find((i) => i.id === c.itemId)!.options.find((o) => o.id === c.optionId)!.role);
  let dismissal: number | null = null;
  if ((roles.includes('undetermined') || roles.includes('not-significant')) && end > start) {
    dismissal = model.newKey();
    model.now.dismissals.push({ key: dismissal, family: finding.family, text: model.now.text.slice(start, end), from: start, to: end, user: false });
  }
  const written = edit.insert === '' ? null : { from: edit.from, to: edit.from + edit.insert.length, text: edit.insert };
  model.now.entries.push({ id: finding.id, kind: finding.kind, text: finding.text, family: finding.family, labels: labelsOf(query, answer), written, dismissal });
}

describe('<cdi-editor> against a model of the note (property)', () => {
  it('writes exactly what was typed, pasted and answered (and not undone), and hands off exactly the answers that stand', async function () {
    this.timeout(600_000);
    const main = document.createElement('main');
    const el = document.createElement('cdi-editor');
    el.setAttribute('analysis', 'inline');
    main.append(el);
    document.body.append(main);
    await el.updateComplete;
    await settle(el);
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.nat(NOTES.length - 1), fc.array(stepArb, { minLength: 20, maxLength: 70 }), async (n, steps) => {
        tally.runs++;
        try {
          await run(el, steps, NOTES[n]!);
        } catch (error) {
          console.log(`property-model: run ${tally.runs} (note ${n}) failed: ${(error as Error).message}`);
          throw error;
        }
      }),
      { numRuns: NUM_RUNS, seed: SEED, endOnFailure: true },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`property-model: ${JSON.stringify(tally)}, ${seconds} s`);
    main.remove();
    expect(tally.differences).to.equal(0);
    expect(tally.answers, 'the runs answered').to.be.greaterThan(NUM_RUNS);
    expect(tally.others, 'with "Other" text').to.be.greaterThan(0);
    expect(tally.undetermined, 'and "Clinically undetermined"').to.be.greaterThan(0);
    expect(tally.deletes, 'answers\' and dismissals\' words deleted').to.be.greaterThan(NUM_RUNS / 2);
    expect(tally.retyped, 'and typed again').to.be.greaterThan(0);
  });
});

export type { EditorState };
