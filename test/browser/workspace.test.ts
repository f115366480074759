/**
 * `<cdi-workspace>` following a real `<cdi-editor analysis="inline">`: the query list with status
 * (open, sent, answered, dismissed, auto-resolved), codes with titles capped with "and n more",
 * counts by condition, exports that parse (text, JSON, FHIR Bundle, JSON Lines), what it announces,
 * and axe. Waits are on events and `updateComplete`, never on time.
 */
import { expect } from 'chai';
import axe from 'axe-core';
import { sendKeys } from '@web/test-runner-commands';
import '../../plugin/element/cdi-editor.js';
import '../../plugin/element/cdi-workspace.js';
import type { CdiEditor } from '../../plugin/element/cdi-editor.js';
import type { CdiWorkspace } from '../../plugin/element/cdi-workspace.js';
import type { CdiEventMap } from '../../plugin/element/events.js';
import type { ExportKind } from '../../plugin/element/export-buttons.js';
import { codesText } from '../../plugin/element/workspace-model.js';

function nextEvent<K extends keyof CdiEventMap>(target: EventTarget, name: K): Promise<CdiEventMap[K]> {
  return new Promise((resolve) => target.addEventListener(name, (e) => resolve(e as CdiEventMap[K]), { once: true }));
}

/** An editor and a workspace following it (by `for`), once the first findings are listed. */
async function setup(note: string): Promise<{ el: CdiEditor; ws: CdiWorkspace }> {
  const main = document.createElement('main');
  const el = document.createElement('cdi-editor');
  el.id = 'note-under-test';
  el.setAttribute('analysis', 'inline');
  el.value = note;
  const ws = document.createElement('cdi-workspace');
  ws.setAttribute('for', el.id);
  const listed = nextEvent(el, 'cdi-findings');
  main.append(el, ws);
  document.body.append(main);
  await listed;
  await el.updateComplete;
  await ws.updateComplete;
  return { el, ws };
}

const $ = (ws: CdiWorkspace, sel: string): HTMLElement | null => ws.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (ws: CdiWorkspace, sel: string): HTMLElement[] => [...ws.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const text = (e: Element | null): string => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** "status: condition" of each query card, in order. */
function cards(ws: CdiWorkspace): string[] {
  return $$(ws, '.queries .card').map((c) => `${c.dataset.status}: ${text(c.querySelector('.card-title strong'))}`);
}

async function openPopover(el: CdiEditor, id: string): Promise<HTMLElement> {
  el.shadowRoot!.querySelector<HTMLButtonElement>(`.panel button[data-finding-id="${CSS.escape(id)}"]`)!.click();
  await el.updateComplete;
  return el.shadowRoot!.querySelector<HTMLElement>('.popover')!;
}

afterEach(() => {
  for (const main of document.querySelectorAll('main')) main.remove();
});

describe('<cdi-workspace>', () => {
  // The first inline analysis loads the engine and its language model: slow on a busy machine.
  before(async function () {
    this.timeout(60_000);
    await setup('PMH: CHF.');
    for (const main of document.querySelectorAll('main')) main.remove();
  });

  it('lists one open query per finding with plain condition names and correct counts by condition', async () => {
    const { el, ws } = await setup('PMH: CHF. Hip osteoarthritis. Knee osteoarthritis.');
    expect(el.findings.length).to.be.greaterThan(2);
    expect(cards(ws).length).to.equal(el.findings.length);
    expect(cards(ws).every((c) => c.startsWith('open: '))).to.equal(true);
    const names = $$(ws, '.queries .card-title strong').map(text);
    expect(names).to.include('Heart failure');
    expect(names).to.include('Hip osteoarthritis');
    expect(names.join(' ')).to.not.match(/musculoskeletal/i);
    // Counts by condition: one per distinct condition, summing to the open queries.
    const counts = $$(ws, '.condition-counts li').map((li) => text(li));
    const total = counts.reduce((n, line) => n + Number(line.split(' ').at(-1)), 0);
    expect(total).to.equal(el.findings.length);
    expect(counts).to.have.members(['Heart failure 1', 'Hip osteoarthritis 1', 'Knee osteoarthritis 1']);
    expect(text($(ws, '.status-count--open strong'))).to.equal(String(el.findings.length));
  });

  it('shows each query\'s codes with titles, current → candidates, capped with "and n more"', async () => {
    const { el, ws } = await setup('PMH: CHF.');
    const finding = el.findings[0]!;
    expect(finding.codes.candidates.length).to.be.greaterThan(3);
    const line = text($(ws, '.queries .card .codes'));
    expect(line).to.equal(codesText(finding, 3));
    expect(line).to.match(/^I50\.9 Heart failure, unspecified → I50\.\S+ \S+/);
    expect(line).to.match(new RegExp(`and ${finding.codes.candidates.length - 3} more$`));
    expect($$(ws, '.queries .card .codes .code').length).to.equal(3);
  });

  it('marks a query sent, answered from the popover, dismissed then restored', async function () {
    this.timeout(30_000); // five user steps, each waiting for an analysis
    const { el, ws } = await setup('CHF. Anemia. Knee OA. Dementia.');
    const byFamily = (family: string) => el.findings.find((f) => f.family === family)!;

    // Sent: the workspace's own button.
    const dementia = byFamily('dementia');
    $(ws, `button[part="send-query"][data-finding-id="${CSS.escape(dementia.id)}"]`)!.click();
    await ws.updateComplete;
    expect(ws.rows.find((r) => r.finding.family === 'dementia')!.status).to.equal('sent');

    // Answered: a one-item query answered in the popover.
    const knee = byFamily('musculoskeletal');
    let popover = await openPopover(el, knee.id);
    const answered = nextEvent(el, 'cdi-answer');
    popover.querySelector<HTMLButtonElement>('button[data-item="laterality"][data-option="left"]')!.click();
    await answered;
    await ws.updateComplete;
    const kneeRow = ws.rows.find((r) => r.finding.family === 'musculoskeletal')!;
    expect([kneeRow.status, kneeRow.detail]).to.deep.equal(['answered', 'Left']);

    // Dismissed: listed under "Dismissed (1)" with its reason and a Restore button.
    popover = await openPopover(el, byFamily('anemia').id);
    popover.querySelector<HTMLSelectElement>('select')!.value = 'documented-elsewhere';
    const dismissed = nextEvent(el, 'cdi-finding-dismiss');
    popover.querySelector<HTMLButtonElement>('button[part="dismiss"]')!.click();
    await dismissed;
    await ws.updateComplete;
    expect(text($(ws, '#dismissed-title'))).to.equal('Dismissed (1)');
    expect(text($(ws, '.dismissed .card .statement'))).to.equal('Reason: Already documented elsewhere.');
    const restore = $(ws, '.dismissed button[part="restore"]') as HTMLButtonElement;
    expect([restore.disabled, restore.getAttribute('aria-label')]).to.deep.equal([false, 'Restore Anemia: Anemia']);

    // Restore: the finding is shown again and its query reopens.
    const back = nextEvent(el, 'cdi-findings');
    restore.click();
    await back;
    await ws.updateComplete;
    expect(el.findings.some((f) => f.family === 'anemia')).to.equal(true);
    expect(ws.rows.find((r) => r.finding.family === 'anemia')!.status).to.equal('open');
    expect(text($(ws, '#dismissed-title'))).to.equal('Dismissed (0)');
  });

  it('marks a query auto-resolved when the clinician fixes the note themself', async function () {
    this.timeout(30_000);
    const { el, ws } = await setup('CHF. Anemia.');
    // Auto-resolved: the clinician types the type and acuity in front of "CHF" themself.
    el.focus();
    for (const key of ['Control', 'Home']) await sendKeys({ down: key });
    for (const key of ['Home', 'Control']) await sendKeys({ up: key });
    const fixed = new Promise<void>((resolve) => {
      const check = (): void => {
        if (!el.findings.some((f) => f.family === 'heart-failure')) {
          el.removeEventListener('cdi-findings', check);
          resolve();
        }
      };
      el.addEventListener('cdi-findings', check);
    });
    await sendKeys({ type: 'Chronic systolic ' });
    await fixed;
    await ws.updateComplete;
    expect(el.value.startsWith('Chronic systolic CHF.')).to.equal(true);
    expect(ws.rows.find((r) => r.finding.family === 'heart-failure')!.status).to.equal('auto-resolved');
    expect(text($(ws, '.status-count--auto-resolved strong'))).to.equal('1');
  });

  it('exports the open queries as text, JSON and a FHIR Bundle, and the audit trail as JSON Lines', async () => {
    const { el, ws } = await setup('PMH: CHF. CKD.');
    const got: Array<{ action: string; kind: ExportKind; content: string }> = [];
    ws.sink = {
      save: (content, kind) => void got.push({ action: 'save', kind, content }),
      copy: (content, kind) => void got.push({ action: 'copy', kind, content }),
    };
    await ws.updateComplete;
    const click = async (action: 'copy' | 'save', kind: ExportKind): Promise<string> => {
      const done = new Promise((resolve) => ws.addEventListener('cdi-export', resolve, { once: true }));
      $(ws, `button[data-action="${action}"][data-export="${kind}"]`)!.click();
      await done;
      return got.at(-1)!.content;
    };
    const open = el.findings.length;
    const plain = await click('copy', 'text');
    expect(plain).to.contain('CHF');
    expect(plain).to.contain('Clinically undetermined');
    const json = JSON.parse(await click('save', 'json')) as Array<{ findingId: string; items: unknown[] }>;
    expect(json.length).to.equal(open);
    const fhir = JSON.parse(await click('save', 'fhir')) as { resourceType: string; type: string; entry: Array<{ resource: { resourceType: string; item: unknown[] } }> };
    expect([fhir.resourceType, fhir.entry.length]).to.deep.equal(['Bundle', open]);
    expect(fhir.entry.every((e) => e.resource.resourceType === 'Questionnaire' && e.resource.item.length > 0)).to.equal(true);
    const audit = await click('save', 'audit');
    const lines = audit.split('\n').filter((l) => l !== '');
    expect(audit.endsWith('\n')).to.equal(true);
    const entries = lines.map((l) => JSON.parse(l) as { event: string; evidenceHash: string });
    expect(entries.filter((e) => e.event === 'shown').length).to.equal(open);
    expect(audit).to.not.contain('CHF'); // the audit trail never holds the note's words
    expect(got.map((g) => `${g.action} ${g.kind}`)).to.deep.equal(['copy text', 'save json', 'save fhir', 'save audit']);
  });

  it('says what an export did in its one polite live region', async () => {
    const { ws } = await setup('PMH: CHF.');
    ws.sink = { save: () => undefined, copy: () => Promise.reject(new Error('denied')) };
    const done = new Promise((resolve) => ws.addEventListener('cdi-export', resolve, { once: true }));
    $(ws, 'button[data-action="save"][data-export="fhir"]')!.click();
    await done;
    await ws.updateComplete;
    expect($$(ws, '[aria-live]').length).to.equal(1);
    expect(text($(ws, '[aria-live="polite"]'))).to.equal('Saved the open queries as a FHIR Bundle (R4) as cdi-queries.fhir.json.');
    $(ws, 'button[data-action="copy"][data-export="json"]')!.click();
    await new Promise((r) => setTimeout(r, 0));
    await ws.updateComplete;
    expect(text($(ws, '[aria-live="polite"]'))).to.equal('Could not copy the open queries as JSON; try Download.');
  });

  it('gives each query card a short accessible name and its details as a description', async () => {
    const { ws } = await setup('PMH: CHF.');
    const title = $(ws, '.queries .card .card-title')!;
    expect(title.getAttribute('aria-label')).to.equal('Heart failure: CHF, open');
    const detail = ws.shadowRoot!.getElementById(title.getAttribute('aria-describedby')!)!;
    expect(text(detail)).to.match(/^Heart failure: state the acuity and the type\. I50\.9/);
  });

  it('has no axe violations, light and dark', async () => {
    const { ws } = await setup('PMH: CHF. Anemia. Knee OA.');
    const run = async (): Promise<string[]> => {
      const results = await axe.run(ws.parentElement!, { resultTypes: ['violations'] });
      return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`));
    };
    expect(await run()).to.deep.equal([]);
    document.documentElement.style.colorScheme = 'dark';
    document.body.style.background = '#111827';
    document.body.style.color = '#f9fafb';
    try {
      expect(await run()).to.deep.equal([]);
    } finally {
      document.documentElement.style.colorScheme = '';
      document.body.style.background = '';
      document.body.style.color = '';
    }
  });
});
