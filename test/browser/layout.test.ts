/**
 * The demo page's layout at 1280x800, 1920x1080 and a 390x844 phone: no sideways scroll; on the
 * desktops the findings sit beside the note above the fold and a query popover fits in the
 * viewport without scrolling inside; on the phone the popover is a bottom sheet across the
 * viewport and every control is at least 44 px. The page is the real demo (demo/index.html,
 * demo/styles.css, demo/main.ts), analysing in the page instead of a worker.
 */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import '../../plugin/element/cdi-editor.js';
import '../../plugin/element/cdi-workspace.js';
import type { CdiEditor } from '../../plugin/element/cdi-editor.js';
import type { CdiWorkspace } from '../../plugin/element/cdi-workspace.js';

let editor: CdiEditor;
let workspace: CdiWorkspace;

/** Resolves once `check` holds, polling each frame (layout settles over a few frames). */
async function until(check: () => boolean, what: string, frames = 600): Promise<void> {
  for (let i = 0; i < frames; i++) {
    if (check()) return;
    await new Promise((r) => requestAnimationFrame(r));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const rect = (el: Element): DOMRect => el.getBoundingClientRect();
const viewport = (): { w: number; h: number } => ({ w: document.documentElement.clientWidth, h: window.innerHeight });

/** Visible controls (buttons, selects, summaries, inputs) in the page and both shadow roots, as "what: w×h". */
function controls(): Array<{ what: string; w: number; h: number }> {
  const out: Array<{ what: string; w: number; h: number }> = [];
  for (const scope of [document, editor.shadowRoot!, workspace.shadowRoot!] as ParentNode[]) {
    for (const el of scope.querySelectorAll<HTMLElement>('button, select, summary, input')) {
      const r = rect(el);
      if (r.width === 0 || r.height === 0 || el.closest('dialog:not([open])')) continue;
      out.push({ what: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`, w: Math.round(r.width), h: Math.round(r.height) });
    }
  }
  return out;
}

async function openFirstPopover(): Promise<HTMLElement> {
  editor.shadowRoot!.querySelector<HTMLButtonElement>('.panel button[data-finding-id]')!.click();
  await editor.updateComplete;
  await until(() => {
    const p = editor.shadowRoot!.querySelector<HTMLElement>('.popover');
    return Boolean(p && p.style.top !== '' && p.style.left !== '');
  }, 'the popover to be placed');
  // One more frame for Floating UI's size pass.
  await new Promise((r) => requestAnimationFrame(r));
  return editor.shadowRoot!.querySelector<HTMLElement>('.popover')!;
}

before(async function () {
  this.timeout(120_000);
  const [page, css] = await Promise.all([fetch('/demo/index.html').then((r) => r.text()), fetch('/demo/styles.css').then((r) => r.text())]);
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const body = new DOMParser().parseFromString(page.replace('<cdi-editor id="clinician"', '<cdi-editor analysis="inline" id="clinician"'), 'text/html').body;
  document.body.replaceChildren(...body.children);
  editor = document.querySelector<CdiEditor>('#clinician')!;
  workspace = document.querySelector<CdiWorkspace>('#workspace')!;
  const listed = new Promise((r) => editor.addEventListener('cdi-findings', r, { once: true }));
  await import('../../demo/main.js');
  await listed;
  await until(() => workspace.rows.length > 0, 'the workspace to list queries');
});

afterEach(async () => {
  editor.shadowRoot!.querySelector<HTMLElement>('.popover') && editor.blur();
  document.querySelector<HTMLElement>('h1')?.focus();
  // Escape closes a popover opened from the panel.
  editor.shadowRoot!.querySelector<HTMLElement>('.popover')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
  await editor.updateComplete;
});

for (const size of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
  describe(`the demo at ${size.width}x${size.height}`, () => {
    before(async () => {
      await setViewport(size);
      await until(() => viewport().w === size.width, 'the viewport');
    });

    it('never scrolls sideways', () => {
      expect(document.documentElement.scrollWidth).to.equal(viewport().w);
    });

    it('shows the findings beside the note, above the fold', () => {
      const note = rect(editor.shadowRoot!.querySelector('.editor')!);
      const panel = rect(editor.shadowRoot!.querySelector('.panel')!);
      expect(panel.left, 'panel right of the note').to.be.at.least(note.right - 1);
      expect(panel.top, 'panel starts beside the note').to.be.below(note.top + 50);
      expect(panel.top, 'above the fold').to.be.below(viewport().h);
      // The CDI workspace is on screen too.
      expect(rect(workspace).top).to.be.below(viewport().h);
    });

    it('places a query popover inside the viewport, without scrolling inside it', async () => {
      const popover = await openFirstPopover();
      const box = rect(popover);
      const { w, h } = viewport();
      expect([box.left >= 0, box.top >= 0, box.right <= w, box.bottom <= h], `${JSON.stringify(box)} in ${w}x${h}`).to.deep.equal([true, true, true, true]);
      expect(popover.scrollHeight, 'no inner scrolling').to.be.at.most(popover.clientHeight + 1);
      expect(popover.classList.contains('popover--sheet')).to.equal(false);
    });
  });
}

describe('the demo on a 390x844 phone', () => {
  before(async () => {
    await setViewport({ width: 390, height: 844 });
    await until(() => viewport().w === 390, 'the viewport');
  });

  it('never scrolls sideways', () => {
    expect(document.documentElement.scrollWidth).to.equal(390);
  });

  it('shows a query as a bottom sheet across the viewport', async () => {
    const popover = await openFirstPopover();
    const box = rect(popover);
    expect(popover.classList.contains('popover--sheet')).to.equal(true);
    expect([Math.round(box.left), Math.round(box.right)]).to.deep.equal([0, 390]);
    expect(Math.abs(box.bottom - window.innerHeight), 'on the bottom edge').to.be.below(1.5);
    expect(box.top).to.be.at.least(0);
  });

  it('closes the sheet with its Close button (no Escape key on a phone)', async () => {
    const popover = await openFirstPopover();
    popover.querySelector<HTMLButtonElement>('button.close')!.click();
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('.popover')).to.equal(null);
  });

  it('makes every control at least 44 px, with a popover open', async () => {
    await openFirstPopover();
    const small = controls().filter((c) => c.w < 44 || c.h < 44);
    expect(small).to.deep.equal([]);
  });
});
