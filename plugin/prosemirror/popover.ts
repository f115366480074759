/**
 * `findingPopover(options)`: a framework-free popover for any ProseMirror host (Tiptap included),
 * as a plugin next to `cdiLint`. When the caret is in a finding's words, or the pointer rests on
 * its underline, it shows the finding's message and its compliant query (question, clinical
 * indicators, one group of options per item with "Other (please specify)" and "Clinically
 * undetermined"), and writes the chosen answer with {@link answerFinding}, exactly as
 * `<cdi-editor>` does: one transaction, one undo step.
 *
 * A query with several items (acuity and type) is answered one click per item; the answer is
 * written once every item has a choice, so the note receives the combined wording in one edit.
 *
 * DOM only through `document.createElement` and `textContent` (note and query text are never
 * parsed as HTML); placed through the CSSOM (`el.style.top`), never a `style` attribute, so it
 * runs under a Content-Security-Policy without 'unsafe-inline'. Styles: `cdi-lint/styles.css`
 * (classes `cdi-popover`, `cdi-popover__…`).
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { ItemAnswer, Query, QueryAnswer, QueryItem, QueryOption } from '../../src/queries/types.js';
import { answerFinding } from './answer.js';
import { dismissFinding, getFindings } from './commands.js';
import { DISMISS_REASONS } from './types.js';
import type { DismissReason, LintFinding } from './types.js';

/** Words for each dismiss reason offered in the popover (the same words as `<cdi-editor>`). */
const DISMISS_LABELS: Readonly<Record<DismissReason, string>> = {
  'not-clinically-relevant': 'Not clinically relevant',
  'documented-elsewhere': 'Already documented elsewhere',
  'address-later': 'Will address later',
  other: 'Other',
  'clinically-undetermined': 'Clinically undetermined',
  'not-clinically-significant': 'Not clinically significant',
};

/** Options of {@link findingPopover}. */
export interface FindingPopoverOptions {
  /** Where the popover element is appended. Default `document.body` (positions are page coordinates). */
  container?: HTMLElement;
  /** Called after an answer was written (or, for "Clinically undetermined", recorded). */
  onAnswer?: (finding: LintFinding, query: Query, answer: QueryAnswer) => void;
  /** Called after the user dismissed a finding. */
  onDismiss?: (finding: LintFinding, reason: DismissReason) => void;
}

/** Key of the popover plugin (its state is unused; the view does the work). */
export const findingPopoverKey = new PluginKey('cdi-lint-popover');

const HOVER_CLOSE_MS = 250;

/** The popover plugin (see the module comment). Add it after `cdiLint(...)` in the plugin list. */
export function findingPopover(options: FindingPopoverOptions = {}): Plugin {
  return new Plugin({
    key: findingPopoverKey,
    view: (view) => new PopoverView(view, options),
  });
}

class PopoverView {
  private readonly el: HTMLElement;
  private shownId: string | null = null;
  /** 'caret': follows the selection; 'pointer': follows the hover. */
  private source: 'caret' | 'pointer' | null = null;
  private choices: ItemAnswer[] = [];
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private blurTimer: ReturnType<typeof setTimeout> | undefined;
  /** A finding whose popover was closed with Escape stays closed until the caret leaves it. */
  private suppressedId: string | null = null;
  private readonly onOver = (event: MouseEvent): void => this.pointerOver(event);
  private readonly onOut = (): void => this.scheduleHoverClose();
  private readonly onFocus = (): void => this.sync();
  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.shownId) {
      this.suppressedId = this.shownId;
      this.hide();
    }
  };

  constructor(
    private view: EditorView,
    private readonly options: FindingPopoverOptions,
  ) {
    const doc = view.dom.ownerDocument;
    this.el = doc.createElement('div');
    this.el.className = 'cdi-popover';
    this.el.setAttribute('role', 'dialog');
    this.el.setAttribute('aria-label', 'Documentation suggestion');
    this.el.hidden = true;
    this.el.addEventListener('mouseenter', () => clearTimeout(this.hoverTimer));
    this.el.addEventListener('mouseleave', this.onOut);
    this.el.addEventListener('keydown', this.onKey);
    (options.container ?? doc.body).appendChild(this.el);
    view.dom.addEventListener('mouseover', this.onOver);
    view.dom.addEventListener('mouseout', this.onOut);
    view.dom.addEventListener('keydown', this.onKey);
    view.dom.addEventListener('focus', this.onFocus);
  }

  update(view: EditorView): void {
    this.view = view;
    this.sync();
  }

  /** Shows the popover of the finding under the caret (when the editor has the focus), or hides a caret popover it left. */
  private sync(): void {
    const view = this.view;
    const findings = getFindings(view.state);
    if (this.shownId && !findings.some((f) => f.id === this.shownId)) this.hide();
    const { from, to } = view.state.selection;
    const under = findings.find((f) => f.from <= from && to <= f.to);
    if (this.suppressedId !== null && this.suppressedId !== under?.id) this.suppressedId = null;
    if (under && under.id !== this.suppressedId && view.hasFocus()) {
      if (under.id !== this.shownId) this.show(under, 'caret');
      else this.place(under);
    } else if (this.source === 'caret' && view.hasFocus()) {
      this.hide(); // the caret left the finding
    } else if (this.source === 'caret') {
      // The editor lost the focus: keep the popover if the focus went into it (decided once the
      // focus has landed: during a blur, the document's active element is still the body).
      clearTimeout(this.blurTimer);
      this.blurTimer = setTimeout(() => {
        if (this.source === 'caret' && !this.view.hasFocus() && !this.el.contains(this.view.dom.ownerDocument.activeElement)) this.hide();
      }, 0);
    } else if (this.shownId) {
      const shown = findings.find((f) => f.id === this.shownId);
      if (shown) this.place(shown);
    }
  }

  destroy(): void {
    clearTimeout(this.hoverTimer);
    clearTimeout(this.blurTimer);
    this.view.dom.removeEventListener('mouseover', this.onOver);
    this.view.dom.removeEventListener('mouseout', this.onOut);
    this.view.dom.removeEventListener('keydown', this.onKey);
    this.view.dom.removeEventListener('focus', this.onFocus);
    this.el.remove();
  }

  private pointerOver(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-finding-id]') : null;
    const id = target?.dataset.findingId;
    if (!id) return;
    clearTimeout(this.hoverTimer);
    if (id === this.shownId) return;
    const finding = getFindings(this.view.state).find((f) => f.id === id);
    if (finding) this.show(finding, 'pointer');
  }

  private scheduleHoverClose(): void {
    if (this.source !== 'pointer') return;
    clearTimeout(this.hoverTimer);
    this.hoverTimer = setTimeout(() => {
      if (this.source === 'pointer') this.hide();
    }, HOVER_CLOSE_MS);
  }

  private hide(): void {
    this.shownId = null;
    this.source = null;
    this.choices = [];
    this.el.hidden = true;
    this.el.replaceChildren();
  }

  private show(finding: LintFinding, source: 'caret' | 'pointer'): void {
    this.shownId = finding.id;
    this.source = source;
    this.choices = [];
    this.render(finding);
    this.el.hidden = false;
    this.place(finding);
  }

  /** Below the finding's first character, in the container's coordinates. */
  private place(finding: LintFinding): void {
    let coords: { left: number; bottom: number };
    try {
      coords = this.view.coordsAtPos(finding.from, 1);
    } catch {
      return;
    }
    const container = this.el.offsetParent;
    const win = this.view.dom.ownerDocument.defaultView;
    const origin = container instanceof HTMLElement && container !== this.view.dom.ownerDocument.body
      ? (() => {
          const box = container.getBoundingClientRect();
          return { left: box.left - container.scrollLeft, top: box.top - container.scrollTop };
        })()
      : { left: -(win?.scrollX ?? 0), top: -(win?.scrollY ?? 0) };
    this.el.style.left = `${Math.max(0, coords.left - origin.left)}px`;
    this.el.style.top = `${coords.bottom - origin.top + 4}px`;
  }

  private render(finding: LintFinding): void {
    const doc = this.view.dom.ownerDocument;
    const make = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] => {
      const node = doc.createElement(tag);
      if (text !== undefined) node.textContent = text;
      if (className) node.className = className;
      return node;
    };
    const parts: HTMLElement[] = [make('p', finding.finding.message, 'cdi-popover__message')];
    const query = finding.query;
    if (query) {
      parts.push(make('p', query.question, 'cdi-popover__question'));
      if (query.indicators.length > 0) {
        const list = make('ul', undefined, 'cdi-popover__indicators');
        list.setAttribute('aria-label', 'Clinical indicators from the note');
        for (const indicator of query.indicators) list.append(make('li', indicator.text));
        parts.push(list);
      }
      for (const item of query.items) parts.push(this.renderItem(finding, query, item, make));
    }
    const footer = make('div', undefined, 'cdi-popover__footer');
    const reason = make('select', undefined, 'cdi-popover__dismiss-reason');
    reason.setAttribute('aria-label', 'Reason for dismissing');
    for (const r of DISMISS_REASONS) {
      const option = make('option', DISMISS_LABELS[r]);
      option.value = r;
      reason.append(option);
    }
    const dismiss = make('button', 'Dismiss', 'cdi-popover__dismiss');
    dismiss.type = 'button';
    dismiss.addEventListener('click', () => {
      const why = reason.value as DismissReason;
      if (dismissFinding(finding.id, why)(this.view.state, this.view.dispatch)) {
        this.hide();
        this.view.focus();
        this.options.onDismiss?.(finding, why);
      }
    });
    footer.append(reason, dismiss);
    parts.push(footer);
    this.el.replaceChildren(...parts);
  }

  private renderItem(
    finding: LintFinding,
    query: Query,
    item: QueryItem,
    make: <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) => HTMLElementTagNameMap[K],
  ): HTMLElement {
    const group = make('fieldset', undefined, 'cdi-popover__item');
    group.dataset.itemId = item.id;
    group.append(make('legend', item.prompt));
    const row = make('div', undefined, 'cdi-popover__choices');
    for (const option of item.options) {
      const button = make('button', option.label, `cdi-popover__option cdi-popover__option--${option.role}`);
      button.type = 'button';
      button.dataset.optionId = option.id;
      button.setAttribute('aria-pressed', String(this.choices.some((c) => c.itemId === item.id && c.optionId === option.id)));
      button.addEventListener('click', () => {
        if (option.role === 'other') this.openOther(finding, query, item, option, group, make);
        else this.choose(finding, query, { itemId: item.id, optionId: option.id });
      });
      row.append(button);
    }
    group.append(row);
    return group;
  }

  private openOther(
    finding: LintFinding,
    query: Query,
    item: QueryItem,
    option: QueryOption,
    group: HTMLElement,
    make: <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) => HTMLElementTagNameMap[K],
  ): void {
    group.querySelector('.cdi-popover__other')?.remove();
    const form = make('form', undefined, 'cdi-popover__other');
    const input = make('input');
    input.type = 'text';
    input.setAttribute('aria-label', `${item.prompt}: other (please specify)`);
    const submit = make('button', 'Write', 'cdi-popover__other-submit');
    submit.type = 'submit';
    form.append(input, submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (text) this.choose(finding, query, { itemId: item.id, optionId: option.id, text });
    });
    group.append(form);
    input.focus();
  }

  /** Records a choice; when every item has one, writes the answer with `answerFinding` (one edit, one undo step). */
  private choose(finding: LintFinding, query: Query, choice: ItemAnswer): void {
    this.choices = [...this.choices.filter((c) => c.itemId !== choice.itemId), choice];
    const next = query.items.find((item) => !this.choices.some((c) => c.itemId === item.id));
    if (next) {
      this.render(finding);
      this.el.querySelector<HTMLElement>(`fieldset[data-item-id="${CSS.escape(next.id)}"] button`)?.focus();
      return;
    }
    const answer: QueryAnswer = { queryId: query.id, choices: this.choices };
    if (!answerFinding(this.view, finding.id, answer)) return;
    this.hide();
    this.view.focus();
    this.options.onAnswer?.(finding, query, answer);
  }
}
