/**
 * `NoteEventsController`: what `<cdi-editor>` does with what happens in its note, and which
 * finding the user is on. It provides the {@link NoteEditorController}'s hooks (the finding
 * shortcuts and Escape, editable, the root's attributes, each transaction, the pointer and focus
 * events), follows the caret into findings (the active finding, marked in the panel), moves to
 * the next or previous finding, selects one from the panel, and tells where a finding's words are
 * on screen for its popover. When a popover opens is the {@link PopoverController}'s rule; this
 * controller only reports the caret and the pointer to it. One job: the note's events.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { cdiLintKey, getFindings, selectFinding } from '../prosemirror/index.js';
import { docToText } from '../positions.js';
import type { PositionRange } from '../positions.js';
import type { AnswerLedgerController } from './answer-ledger-controller.js';
import { editorAttributes } from './cdi-editor.template.js';
import { emit } from './event.js';
import type { FindingActionsController } from './finding-actions.js';
import type { NoteEditorController, NoteEditorHooks } from './note-editor-controller.js';
import type { PopoverController } from './popover-controller.js';
import type { AnchorRect } from './popover-position.js';

/** What the controller reads from its host element. */
export interface NoteEventsHost extends ReactiveControllerHost, HTMLElement {
  readonly: boolean;
  label: string;
  placeholder: string;
  /** The shadow root, where the popover is. */
  readonly renderRoot: ParentNode;
  nextFinding(): boolean;
  previousFinding(): boolean;
}

/** The element's parts the note's events reach. */
export interface NoteEventsParts {
  editor: NoteEditorController;
  popover: PopoverController;
  ledger: AnswerLedgerController;
  actions: Pick<FindingActionsController, 'close'>;
}

/** See the module comment. */
export class NoteEventsController implements ReactiveController {
  private active: string | null = null;

  constructor(
    private readonly host: NoteEventsHost,
    /** The parts, read on each use: the editor's hooks are made before the editor and the parts after it. */
    private readonly parts: () => NoteEventsParts,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Id of the finding under the caret, if any. */
  get activeId(): string | null {
    return this.active;
  }

  /** The editor's hooks, all but its plugins. */
  hooks(): Omit<NoteEditorHooks, 'plugins'> {
    return {
      keys: () => ({
        'Alt-F8': () => this.host.nextFinding(),
        'Shift-Alt-F8': () => this.host.previousFinding(),
        'Mod-Alt-ArrowDown': () => this.host.nextFinding(),
        'Mod-Alt-ArrowUp': () => this.host.previousFinding(),
        Escape: () => this.parts().actions.close(false),
      }),
      editable: () => !this.host.readonly,
      attributes: (state) => editorAttributes(state, this.host),
      transaction: (tr, view) => this.transaction(tr, view),
      handleDOMEvents: {
        mouseover: (_view, event) => this.pointerOver(event),
        mouseout: (_view, event) => this.pointerOut(event),
        focusout: (_view, event) => this.focusOut(event),
        // A click in a finding's words opens its popover, also when the caret was already there.
        click: (_view, event) => this.clickWord(event),
      },
    };
  }

  /** Alt+F8 and friends: select the finding and open its popover (asked for, so even one closed with Escape). */
  moveTo(command: Command): boolean {
    const { editor, popover } = this.parts();
    if (!editor.run(command)) return false;
    this.followCaret(false);
    if (this.active !== null) popover.show(this.active, 'caret');
    return true;
  }

  /** The finding under the caret becomes the active one; `moved` (no typing) may open its popover. */
  followCaret(moved: boolean): void {
    const { editor, popover } = this.parts();
    const view = editor.view;
    if (!view) return;
    const { from, to } = view.state.selection;
    const placed = getFindings(view.state).find((f) => f.from <= from && to <= f.to);
    this.setActive(placed?.id ?? null);
    popover.caret(this.active, moved, view.hasFocus());
  }

  /** Selects finding `id`'s words and opens its popover, as a click in the panel does. */
  select(id: string): void {
    const { editor, popover } = this.parts();
    const view = editor.view;
    if (!view) return;
    view.focus();
    selectFinding(id)(view.state, (tr) => view.dispatch(tr));
    // Also for a read-only note, which takes no caret focus.
    popover.show(id, popover.open?.id === id ? popover.open.source : 'panel');
  }

  /** The words of finding `id` on screen, read afresh on each call (the note changes); undefined when it is not placed. */
  anchor(id: string): AnchorRect | undefined {
    const locate = (): PositionRange | undefined => {
      const view = this.parts().editor.view;
      return view
        ? getFindings(view.state).find((f) => f.id === id) ?? (this.parts().popover.session?.id === id ? this.sessionAnchor(view.state) : undefined)
        : undefined;
    };
    if (!locate()) return undefined;
    return () => {
      const view = this.parts().editor.view;
      const placed = locate();
      if (!view || !placed) return null;
      try {
        const start = view.coordsAtPos(placed.from, 1);
        return new DOMRect(start.left, start.top, Math.max(1, start.right - start.left), start.bottom - start.top);
      } catch {
        return null;
      }
    };
  }

  /** Where the popover of an answer in progress stays: at the words its last part wrote. */
  private sessionAnchor(state: EditorState): PositionRange {
    const { ledger, popover } = this.parts();
    const entry = ledger.latest(popover.session?.id ?? '');
    if (entry?.written) return entry.written;
    const { from } = state.selection;
    return { from, to: from };
  }

  private transaction(tr: Transaction, view: EditorView): void {
    const { ledger, popover } = this.parts();
    const state = view.state;
    ledger.stateChanged(state);
    // An answer in progress ends when anything but its own next part changed the note (typing,
    // undo): its choices so far no longer describe the note.
    const session = popover.session;
    if (session && tr.docChanged && cdiLintKey.getState(state)?.lastAnswer !== session.id) popover.reset();
    if (tr.docChanged && tr.doc !== tr.before) {
      let text: string | undefined;
      // The text is read on demand: a listener that ignores it costs nothing per keystroke.
      emit(this.host, 'cdi-change', {
        get value() {
          return (text ??= docToText(state.doc));
        },
      });
    }
    // Only a caret moved without typing opens a popover (a click, the arrow keys, Alt+F8).
    if (tr.selectionSet || tr.docChanged) this.followCaret(tr.selectionSet && !tr.docChanged);
  }

  private pointerOver(event: MouseEvent): boolean {
    const id = findingIdAt(event.target);
    if (id !== undefined) this.parts().popover.pointerOverWord(id);
    return false;
  }

  private pointerOut(event: MouseEvent): boolean {
    if (findingIdAt(event.target) !== undefined && findingIdAt(event.relatedTarget) === undefined) this.parts().popover.pointerOutOfWord();
    return false;
  }

  private clickWord(event: MouseEvent): boolean {
    const { editor, popover } = this.parts();
    const id = findingIdAt(event.target);
    if (id !== undefined && editor.view?.hasFocus() && popover.open?.id !== id) popover.show(id, 'caret');
    return false;
  }

  /** Focus leaving both the note and the popover closes a caret popover. */
  private focusOut(event: FocusEvent): boolean {
    const next = event.relatedTarget;
    const shown = this.host.renderRoot.querySelector('.popover');
    if (next instanceof Node && shown?.contains(next)) return false;
    const popover = this.parts().popover;
    if (popover.open?.source === 'caret') popover.reset();
    return false;
  }

  /** Re-renders only when the active finding changes (as a Lit `@state` would). */
  private setActive(id: string | null): void {
    if (id === this.active) return;
    this.active = id;
    this.host.requestUpdate();
  }
}

/** The finding id of the underline an event target is in, if any. */
function findingIdAt(target: EventTarget | null): string | undefined {
  if (!(target instanceof Element)) return undefined;
  return target.closest<HTMLElement>('.ProseMirror [data-finding-id]')?.dataset.findingId;
}
