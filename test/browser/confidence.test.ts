/**
 * Confidence in the element: with an analyser that reports one high-confidence finding (no
 * `confidence` field, as an older analyser would: it counts as high) and one low-confidence one,
 * the clinician view underlines, lists, counts, navigates and reports only the high one;
 * `showLowConfidence` and the `cdi` view show both, the low one marked with its reasons; the
 * workspace lists both, the low one marked and counted apart. axe stays clean with the marks.
 */
import { expect } from 'chai';
import axe from 'axe-core';
import '../../plugin/element/cdi-editor.js';
import '../../plugin/element/cdi-workspace.js';
import type { CdiEditor } from '../../plugin/element/cdi-editor.js';
import type { CdiWorkspace } from '../../plugin/element/cdi-workspace.js';
import { createInlineAnalyzer } from '../../plugin/prosemirror/inline-analyzer.js';
import type { AnalysisProvider } from '../../plugin/prosemirror/index.js';
import { nextEvent, removeEditors, settle, shadow } from './editor-harness.js';

const NOTE = 'Assessment: CHF. Knee OA.';
const REASON = 'told as a past stage of life';

/** The real engine, then: the heart-failure finding loses its `confidence` field (an older
 *  analyser), every other finding becomes low with one reason. */
function mixedAnalyzer(): AnalysisProvider {
  const inner = createInlineAnalyzer();
  return {
    ...inner,
    analyze: async (text, options) => {
      const analysis = await inner.analyze(text, options);
      const findings = analysis.findings.map((f) => {
        if (f.family === 'heart-failure') {
          const { confidence: _c, confidenceReasons: _r, ...older } = f;
          return older;
        }
        return { ...f, confidence: 'low' as const, confidenceReasons: [REASON] };
      });
      return { ...analysis, findings };
    },
  };
}

/** The first `cdi-findings` detail of each editor made by {@link editor}. */
const firstReport = new WeakMap<CdiEditor, readonly { family: string | null }[]>();

async function editor(attrs: Record<string, string> = {}): Promise<CdiEditor> {
  const main = document.createElement('main');
  const el = document.createElement('cdi-editor');
  el.id = 'conf-note';
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.analyzer = mixedAnalyzer();
  el.value = NOTE;
  const first = nextEvent(el, 'cdi-findings');
  main.append(el);
  document.body.append(main);
  firstReport.set(el, (await first).detail.findings);
  await el.updateComplete;
  return el;
}

const underlines = (el: CdiEditor): HTMLElement[] => [...shadow(el).querySelectorAll<HTMLElement>('.ProseMirror [data-finding-id]')];
const panelItems = (el: CdiEditor): HTMLElement[] => [...shadow(el).querySelectorAll<HTMLElement>('.panel .item')];

async function violations(context: Element): Promise<string[]> {
  const results = await axe.run(context, { resultTypes: ['violations'] });
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
}

afterEach(removeEditors);

describe('<cdi-editor> confidence', () => {
  it('the analyser under test reports one finding of each confidence', async () => {
    const analysis = await mixedAnalyzer().analyze(NOTE, {});
    expect(analysis.findings.map((f) => f.confidence ?? 'absent').sort()).to.deep.equal(['absent', 'low']);
  });

  it('the clinician view underlines, lists, counts, navigates and reports only the high-confidence finding', async () => {
    const el = await editor();
    await settle(el);
    expect(el.findings.map((f) => f.family)).to.deep.equal(['heart-failure']);
    expect(firstReport.get(el)!.map((f) => f.family)).to.deep.equal(['heart-failure']);
    expect(underlines(el).map((u) => u.textContent)).to.deep.equal(['CHF']);
    expect(shadow(el).querySelector('.ProseMirror [data-confidence="low"]')).to.equal(null);
    expect(panelItems(el)).to.have.length(1);
    expect(shadow(el).querySelector('#panel-title .count')!.textContent).to.equal('(1)');
    expect(shadow(el).querySelector('[part~="confidence"]')).to.equal(null);
    // Next and previous stay on the one shown finding.
    expect(el.nextFinding()).to.equal(true);
    await el.updateComplete;
    expect(shadow(el).querySelector<HTMLElement>('.popover')?.dataset.findingId).to.equal(el.findings[0]!.id);
    expect(el.nextFinding()).to.equal(true);
    await el.updateComplete;
    expect(shadow(el).querySelector<HTMLElement>('.popover')?.dataset.findingId).to.equal(el.findings[0]!.id);
  });

  it('show-low-confidence shows both, the low one marked with its reasons, and hides it again when unset', async () => {
    const el = await editor({ 'show-low-confidence': '' });
    expect(el.showLowConfidence).to.equal(true);
    expect(el.findings.map((f) => f.confidence ?? 'high')).to.deep.equal(['high', 'low']);
    expect(underlines(el)).to.have.length(2);
    const low = shadow(el).querySelector<HTMLElement>('.ProseMirror [data-confidence="low"]')!;
    expect(low.textContent).to.equal('OA');
    expect(low.classList.contains('cdi-finding--low-confidence')).to.equal(true);
    const items = panelItems(el);
    expect(items).to.have.length(2);
    expect(items[0]!.querySelector('[part~="confidence"]')).to.equal(null);
    const mark = items[1]!.querySelector<HTMLElement>('[part~="confidence"]')!;
    expect(mark.textContent).to.equal(`Low confidence: ${REASON}`);
    // The mark is part of the item's accessible description.
    const button = items[1]!.querySelector('button')!;
    expect(shadow(el).getElementById(button.getAttribute('aria-describedby')!)!.contains(mark)).to.equal(true);
    expect(await violations(el)).to.deep.equal([]);

    el.showLowConfidence = false;
    await el.updateComplete;
    await settle(el);
    expect(el.findings.map((f) => f.family)).to.deep.equal(['heart-failure']);
    expect(underlines(el)).to.have.length(1);
  });

  it('the cdi view shows low-confidence findings, marked, also in the popover', async () => {
    const el = await editor();
    expect(el.findings).to.have.length(1);
    el.view = 'cdi';
    await el.updateComplete;
    await settle(el);
    expect(el.findings).to.have.length(2);
    const lowId = el.findings.find((f) => f.confidence === 'low')!.id;
    shadow(el).querySelector<HTMLButtonElement>(`.panel button[data-finding-id="${CSS.escape(lowId)}"]`)!.click();
    await el.updateComplete;
    const popover = shadow(el).querySelector<HTMLElement>('.popover')!;
    expect(popover.dataset.findingId).to.equal(lowId);
    expect(popover.querySelector('[part~="confidence"]')!.textContent).to.equal(`Low confidence: ${REASON}`);
  });
});

describe('<cdi-workspace> confidence', () => {
  it('lists low-confidence findings of a cdi-view editor, marked and counted apart; axe clean', async () => {
    const el = await editor({ view: 'cdi' });
    const ws = document.createElement('cdi-workspace') as CdiWorkspace;
    ws.setAttribute('for', el.id);
    el.parentElement!.append(ws);
    await new Promise((r) => setTimeout(r, 0));
    await settle(el);
    await ws.updateComplete;
    const cards = [...ws.shadowRoot!.querySelectorAll<HTMLElement>('.cards > li')];
    expect(cards.map((c) => c.dataset.confidence)).to.deep.equal(['high', 'low']);
    expect(cards[0]!.querySelector('[part~="confidence"]')).to.equal(null);
    expect(cards[1]!.querySelector('[part~="confidence"]')!.textContent).to.equal(`Low confidence: ${REASON}`);
    expect(ws.shadowRoot!.querySelector('[part="low-count"]')!.textContent).to.contain('1').and.contain('low confidence');
    expect(await violations(ws)).to.deep.equal([]);
  });
});
