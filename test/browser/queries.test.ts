/**
 * Compliant queries in `<cdi-editor>`, in a real browser: the popover shows the finding's query
 * (question, indicators, every option with "Other" and "Clinically undetermined"); choices write
 * the engine's wording at the finding in one undo step and the finding resolves; "Other" writes
 * the provider's text; "Clinically undetermined" hides the finding and leaves the note alone;
 * `cdi-answer` / `cdi-query-send` / `cdi-audit` events; `handoff()`, `exportQueries()` and
 * `auditTrail()`. Waits are on events and `updateComplete`, never on time.
 */
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../plugin/element/cdi-editor.js';
import type { CdiEditor } from '../../plugin/element/cdi-editor.js';
import type { CdiEventMap } from '../../plugin/element/events.js';
import { analyze } from '../../src/index.js';
import { applyAnswerToText, auditRecord, draftQuery, fnv1a } from '../../src/queries/index.js';
import { auditEntry } from '../../plugin/element/audit.js';
import type { AuditEntry } from '../../src/queries/types.js';

const NOTE = 'PAST MEDICAL HISTORY: CHF.\n\nPlan: diuresis.';

function nextEvent<K extends keyof CdiEventMap>(target: EventTarget, name: K): Promise<CdiEventMap[K]> {
  return new Promise((resolve) => target.addEventListener(name, (e) => resolve(e as CdiEventMap[K]), { once: true }));
}

/** Resolves with the first `cdi-findings` whose findings satisfy `test`. */
function findingsWhere(target: EventTarget, test: (families: string[]) => boolean): Promise<string[]> {
  return new Promise((resolve) => {
    const listener = (e: Event): void => {
      const families = (e as CdiEventMap['cdi-findings']).detail.findings.map((f) => f.family ?? f.kind);
      if (!test(families)) return;
      target.removeEventListener('cdi-findings', listener);
      resolve(families);
    };
    target.addEventListener('cdi-findings', listener);
  });
}

/** A connected `<cdi-editor>` (inline analysis unless `attrs` says otherwise) with its first findings rendered. */
async function editorWith(value: string, attrs: Record<string, string> = { analysis: 'inline' }): Promise<CdiEditor> {
  const main = document.createElement('main');
  const el = document.createElement('cdi-editor');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.value = value;
  const findings = nextEvent(el, 'cdi-findings');
  main.append(el);
  document.body.append(main);
  await findings;
  await el.updateComplete;
  return el;
}

async function chord(modifiers: string[], key: string): Promise<void> {
  for (const m of modifiers) await sendKeys({ down: m });
  await sendKeys({ press: key });
  for (const m of [...modifiers].reverse()) await sendKeys({ up: m });
}

function findingOf(el: CdiEditor, family: string) {
  const finding = el.findings.find((f) => f.family === family);
  expect(finding, `a ${family} finding`).to.not.equal(undefined);
  return finding!;
}

/** Opens the popover of finding `id` from the panel. */
async function openPopover(el: CdiEditor, id: string): Promise<HTMLElement> {
  el.shadowRoot!.querySelector<HTMLButtonElement>(`.panel button[data-finding-id="${CSS.escape(id)}"]`)!.click();
  await el.updateComplete;
  const popover = el.shadowRoot!.querySelector<HTMLElement>('.popover');
  expect(popover?.dataset.findingId).to.equal(id);
  return popover!;
}

function option(el: CdiEditor, item: string, id: string): HTMLButtonElement {
  const button = el.shadowRoot!.querySelector<HTMLButtonElement>(`.popover button[data-item="${item}"][data-option="${id}"]`);
  expect(button, `option ${item}/${id}`).to.not.equal(null);
  return button!;
}

/** Clicks an option and resolves with the `cdi-answer` it fires. */
async function choose(el: CdiEditor, item: string, id: string): Promise<CdiEventMap['cdi-answer']> {
  const answered = nextEvent(el, 'cdi-answer');
  option(el, item, id).click();
  const event = await answered;
  await el.updateComplete;
  return event;
}

/** Types at the end of the note and resolves with the families of the next analysis that lists `expected`. */
async function typeAtEnd(el: CdiEditor, text: string, until: (families: string[]) => boolean): Promise<string[]> {
  const listed = findingsWhere(el, until);
  el.focus();
  await chord(['Control'], 'End');
  await sendKeys({ type: text });
  return listed;
}

function parseTrail(el: CdiEditor): AuditEntry[] {
  const trail = el.auditTrail();
  expect(trail.endsWith('\n') || trail === '').to.equal(true);
  return trail.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as AuditEntry);
}

afterEach(() => {
  for (const main of document.querySelectorAll('main')) main.remove();
});

describe('<cdi-editor> compliant queries', () => {
  it('shows the query in the popover: question, indicators, every option, Other and Clinically undetermined', async () => {
    const el = await editorWith(NOTE);
    const finding = findingOf(el, 'heart-failure');
    const expected = draftQuery(analyze(NOTE).findings[0]!, NOTE);
    const popover = await openPopover(el, finding.id);
    expect(popover.querySelector('[part="query-question"]')?.textContent).to.equal(expected.question);
    expect([...popover.querySelectorAll('.indicators q')].map((q) => q.textContent)).to.deep.equal(['PAST MEDICAL HISTORY: CHF.']);
    for (const item of expected.items) {
      const fieldset = popover.querySelector(`fieldset[data-item="${item.id}"]`)!;
      expect(fieldset.querySelector('legend')?.textContent).to.equal(item.prompt);
      const labels = [...fieldset.querySelectorAll('button[data-option] .option-label')].map((b) => b.textContent);
      expect(labels).to.deep.equal(item.options.map((o) => o.label));
      expect(labels).to.include('Other (please specify)');
      expect(labels).to.include('Clinically undetermined');
    }
    // The query is a labelled group; the panel shows the question too.
    const group = popover.querySelector('.query[role="group"]')!;
    expect(el.shadowRoot!.getElementById(group.getAttribute('aria-labelledby')!)?.textContent).to.equal(expected.question);
    expect(el.shadowRoot!.querySelector('.panel .panel-query .question')?.textContent).to.equal(expected.question);
    expect(popover.querySelector('[part="send-query"]'), 'no Send query in the clinician view').to.equal(null);
  });

  it('arrow keys move between the options of an item', async () => {
    const el = await editorWith(NOTE);
    await openPopover(el, findingOf(el, 'heart-failure').id);
    option(el, 'acuity', 'acute').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect((el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.option).to.equal('chronic');
    await sendKeys({ press: 'End' });
    expect((el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.option).to.equal('undetermined');
    await sendKeys({ press: 'ArrowRight' });
    expect((el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.option).to.equal('acute');
    expect(el.value, 'moving writes nothing').to.equal(NOTE);
  });

  it('writes "acute on chronic" + "systolic" as one undo step, in the engine\'s order, and the finding resolves', async () => {
    const el = await editorWith(NOTE);
    const finding = findingOf(el, 'heart-failure');
    const query = el.queryFor(finding.id)!;
    await openPopover(el, finding.id);
    // Type first, then acuity: the note still reads in adjective order.
    const first = await choose(el, 'type', 'systolic');
    expect(first.detail.answer.choices).to.deep.equal([{ itemId: 'type', optionId: 'systolic' }]);
    expect(el.value).to.equal('PAST MEDICAL HISTORY: Systolic CHF.\n\nPlan: diuresis.');
    expect(option(el, 'type', 'systolic').getAttribute('aria-pressed'), 'the popover stays open with the choice').to.equal('true');
    const second = await choose(el, 'acuity', 'acute-on-chronic');
    const answered = 'PAST MEDICAL HISTORY: Acute on chronic systolic CHF.\n\nPlan: diuresis.';
    expect(el.value).to.equal(answered);
    const { detail } = second;
    expect(detail.query).to.deep.equal(query);
    expect(detail.finding.id).to.equal(finding.id);
    expect(detail.answer).to.deep.equal({ queryId: query.id, choices: [{ itemId: 'type', optionId: 'systolic' }, { itemId: 'acuity', optionId: 'acute-on-chronic' }] });
    expect(detail.edit).to.deep.equal(applyAnswerToText(NOTE, analyze(NOTE).findings[0]!, query, detail.answer).edit);
    expect(el.shadowRoot!.querySelector('.popover'), 'closed once every item is answered').to.equal(null);

    await chord(['Control'], 'z');
    expect(el.value, 'one undo restores the exact previous text').to.equal(NOTE);
    await chord(['Control', 'Shift'], 'z');
    expect(el.value).to.equal(answered);
    const families = await typeAtEnd(el, ' Anemia.', (fs) => fs.includes('anemia'));
    expect(families, 'after re-analysis the heart-failure finding is gone').to.deep.equal(['anemia']);
  });

  it('"Other (please specify)" takes free text; Enter writes it', async () => {
    const note = 'PMH: Anemia.';
    const el = await editorWith(note);
    const finding = findingOf(el, 'anemia');
    const query = el.queryFor(finding.id)!;
    await openPopover(el, finding.id);
    option(el, 'type', 'other').click();
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('.popover input[part="other-input"]')!;
    expect(input).to.not.equal(null);
    await el.updateComplete;
    input.focus();
    const answered = nextEvent(el, 'cdi-answer');
    await sendKeys({ type: 'dilutional' });
    await sendKeys({ press: 'Enter' });
    const { detail } = await answered;
    expect(detail.answer.choices).to.deep.equal([{ itemId: 'type', optionId: 'other', text: 'dilutional' }]);
    const expected = applyAnswerToText(note, analyze(note).findings[0]!, query, detail.answer).text;
    expect(el.value).to.equal(expected);
    expect(el.value).to.contain('ilutional Anemia');
  });

  it('"Clinically undetermined" hides the finding, records the answer and leaves the text unchanged', async () => {
    const note = 'PMH: CHF, anemia.';
    const el = await editorWith(note);
    const finding = findingOf(el, 'heart-failure');
    await openPopover(el, finding.id);
    const listed = nextEvent(el, 'cdi-findings');
    const { detail } = await choose(el, 'acuity', 'undetermined');
    expect(detail.edit).to.equal(null);
    expect(detail.answer.choices).to.deep.equal([{ itemId: 'acuity', optionId: 'undetermined' }]);
    expect((await listed).detail.findings.map((f) => f.family)).to.deep.equal(['anemia']);
    expect(el.value).to.equal(note);
    // Still hidden after a later analysis.
    const families = await typeAtEnd(el, ' CKD.', (fs) => fs.includes('chronic-kidney-disease'));
    expect(families).to.not.include('heart-failure');
    const summary = await el.handoff();
    expect(summary.answered.map((a) => a.query.family)).to.deep.equal(['heart-failure']);
    expect(summary.answered[0]!.labels).to.deep.equal(['Clinically undetermined']);
  });

  it('fires cdi-query-send with the query from the CDI view\'s "Send query"', async () => {
    const el = await editorWith(NOTE, { analysis: 'inline', view: 'cdi', readonly: '' });
    const finding = findingOf(el, 'heart-failure');
    const popover = await openPopover(el, finding.id);
    const sent = nextEvent(el, 'cdi-query-send');
    const audited = nextEvent(el, 'cdi-audit');
    popover.querySelector<HTMLButtonElement>('button[part="send-query"]')!.click();
    const { detail } = await sent;
    expect(detail.finding.id).to.equal(finding.id);
    expect(detail.query).to.deep.equal(el.queryFor(finding.id));
    const { entry } = (await audited).detail;
    expect([entry.event, entry.findingId, entry.queryId]).to.deep.equal(['sent', finding.id, detail.query.id]);
  });

  it('handoff() and exportQueries() list open low-confidence findings only where the element shows them, marked', async () => {
    // Obesity told only as a stage of life is low confidence; the CHF is high.
    const note = 'ASSESSMENT: CHF.\nSOCIAL HISTORY: He struggled with obesity as a teenager.\n';
    const clinician = await editorWith(note);
    const plain = await clinician.handoff();
    expect(plain.unanswered.map((q) => q.family)).to.deep.equal(['heart-failure']);
    expect(plain.lowConfidence).to.deep.equal([]);
    expect((await clinician.exportQueries('json')).map((q) => q.family)).to.deep.equal(['heart-failure']);
    const views: Array<Record<string, string>> = [{ analysis: 'inline', view: 'cdi' }, { analysis: 'inline', 'show-low-confidence': '' }];
    for (const attrs of views) {
      const el = await editorWith(note, attrs);
      const summary = await el.handoff();
      expect(summary.unanswered.map((q) => q.family).sort()).to.deep.equal(['heart-failure', 'obesity']);
      const obesity = summary.unanswered.find((q) => q.family === 'obesity')!;
      expect(summary.lowConfidence.map((l) => l.findingId)).to.deep.equal([obesity.findingId]);
      expect((await el.exportQueries('json')).map((q) => q.family).sort()).to.deep.equal(['heart-failure', 'obesity']);
    }
  });

  it('handoff() lists unanswered, dismissed (with reason) and answered queries, and the codes now supported', async () => {
    const note = 'PMH: CHF, anemia, CKD.';
    const el = await editorWith(note);
    await openPopover(el, findingOf(el, 'heart-failure').id);
    await choose(el, 'acuity', 'acute-on-chronic');
    await choose(el, 'type', 'systolic');
    const anemia = findingOf(el, 'anemia');
    const popover = await openPopover(el, anemia.id);
    popover.querySelector<HTMLSelectElement>('select')!.value = 'documented-elsewhere';
    const dismissed = nextEvent(el, 'cdi-finding-dismiss');
    popover.querySelector<HTMLButtonElement>('button[part="dismiss"]')!.click();
    await dismissed;

    const summary = await el.handoff();
    expect(summary.unanswered.map((q) => q.family)).to.deep.equal(['chronic-kidney-disease']);
    expect(summary.dismissed.map((d) => [d.rule, d.reason, d.evidence])).to.deep.equal([['missing-specificity/anemia', 'documented-elsewhere', 'anemia']]);
    expect(summary.answered.map((a) => [a.query.family, a.labels])).to.deep.equal([['heart-failure', ['Acute on chronic', 'Systolic']]]);
    const hf = summary.codes.find((c) => c.rule === 'missing-specificity/heart-failure')!;
    expect([hf.before?.code, hf.now?.code]).to.deep.equal(['I50.9', 'I50.23']);

    // Ctrl+Z right after the dismissal takes back the dismissal, not the earlier answer's words.
    el.focus();
    const answeredText = el.value;
    await chord(['Control'], 'z');
    expect(el.value).to.equal(answeredText);
    const restored = await el.handoff();
    expect(restored.dismissed).to.deep.equal([]);
    expect(restored.answered.map((a) => a.query.family)).to.deep.equal(['heart-failure']);
    expect(restored.unanswered.map((q) => q.family)).to.deep.equal(['anemia', 'chronic-kidney-disease']);

    // Undoing the answer takes it out of the hand-off: the query is open again.
    await chord(['Control'], 'z');
    expect(el.value).to.equal(note);
    const again = await el.handoff();
    expect(again.answered).to.deep.equal([]);
    expect(again.unanswered.map((q) => q.family)).to.deep.equal(['heart-failure', 'anemia', 'chronic-kidney-disease']);
  });

  it('exportQueries() returns the open queries as text, JSON and a FHIR R4 Bundle of Questionnaires', async () => {
    const note = 'PMH: CHF, anemia.';
    const el = await editorWith(note);
    const fhir = await el.exportQueries('fhir');
    expect(fhir.resourceType).to.equal('Bundle');
    expect(fhir.entry.length).to.equal(2);
    expect(fhir.entry.map((e) => e.resource.resourceType)).to.deep.equal(['Questionnaire', 'Questionnaire']);
    const json = await el.exportQueries('json');
    expect(json.map((q) => q.family)).to.deep.equal(['heart-failure', 'anemia']);
    const text = await el.exportQueries('text');
    expect(text).to.contain(json[0]!.question);
    expect(text).to.contain('Other (please specify)');
  });

  it('keeps an audit trail: one line per shown, sent, answered and dismissed event, hashes only', async () => {
    const note = 'PMH: CHF, anemia, CKD.';
    const el = await editorWith(note, { analysis: 'inline', view: 'cdi' });
    const byId = new Map(el.findings.map((f) => [f.id, f]));
    const hf = findingOf(el, 'heart-failure');
    let popover = await openPopover(el, hf.id);
    popover.querySelector<HTMLButtonElement>('button[part="send-query"]')!.click();
    await choose(el, 'acuity', 'acute');
    await choose(el, 'type', 'diastolic');
    popover = await openPopover(el, findingOf(el, 'anemia').id);
    const dismissed = nextEvent(el, 'cdi-finding-dismiss');
    popover.querySelector<HTMLSelectElement>('select')!.value = 'not-clinically-relevant';
    popover.querySelector<HTMLButtonElement>('button[part="dismiss"]')!.click();
    await dismissed;

    const entries = parseTrail(el);
    expect(entries.map((e) => `${e.event}:${byId.get(e.findingId)?.family}`)).to.deep.equal([
      'shown:heart-failure', 'shown:anemia', 'shown:chronic-kidney-disease',
      'sent:heart-failure', 'answered:heart-failure', 'answered:heart-failure', 'dismissed:anemia',
    ]);
    for (const e of entries) expect(e.evidenceHash).to.equal(fnv1a(byId.get(e.findingId)!.text));
    expect(entries[5]!.answer!.map((a) => a.label)).to.deep.equal(['Acute', 'Diastolic']);
    expect(entries[6]!.reason).to.equal('not-clinically-relevant');
    const trail = el.auditTrail();
    for (const words of ['CHF', 'anemia,', 'CKD', 'PMH']) expect(trail, `no note text (${words})`).to.not.contain(words);
  });

  it('builds the same audit entries as the engine\'s auditRecord', () => {
    const text = 'PMH: CHF.';
    const finding = analyze(text).findings[0]!;
    const query = draftQuery(finding, text);
    const answer = { queryId: query.id, choices: [{ itemId: 'acuity', optionId: 'other', text: ' flash ' }, { itemId: 'type', optionId: 'systolic' }] };
    const now = new Date('2026-01-02T03:04:05Z');
    expect(auditEntry('answered', finding, query, answer, undefined, now)).to.deep.equal(auditRecord('answered', finding, query, answer, { now }));
    expect(auditEntry('dismissed', finding, query, undefined, 'other', now)).to.deep.equal(auditRecord('dismissed', finding, query, undefined, { now, reason: 'other' }));
  });

  it('drafts the queries in the Web Worker (analysis="worker")', async () => {
    const el = await editorWith(NOTE, {});
    const finding = findingOf(el, 'heart-failure');
    expect(el.queryFor(finding.id)?.items.map((i) => i.id)).to.deep.equal(['acuity', 'type']);
    await openPopover(el, finding.id);
    await choose(el, 'type', 'systolic');
    await choose(el, 'acuity', 'chronic');
    expect(el.value).to.equal('PAST MEDICAL HISTORY: Chronic systolic CHF.\n\nPlan: diuresis.');
    const summary = await el.handoff();
    expect(summary.answered[0]?.labels).to.deep.equal(['Systolic', 'Chronic']);
  });
});
