/**
 * `NoteEditorController`: owns the element's ProseMirror editor: the `EditorState` (kept while the
 * element is detached, so moving the element keeps the note, its history and its ledger), the
 * `EditorView` mounted in the shadow root, the plain-text schema's parsers (pasted text keeps every
 * line break and `\r`; a carriage return stays one when its line is edited) and the history and
 * keymaps. Every transaction goes through {@link NoteEditorHooks.transaction}. One job: the editor.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { EditorState } from 'prosemirror-state';
import type { Command, Plugin, Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { DirectEditorProps } from 'prosemirror-view';
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { docToText, textToDoc } from '../positions.js';
import { noteClipboardParser, noteClipboardTextParser, noteDOMParser, noteSchema } from '../schema.js';

/** What the host provides. */
export interface NoteEditorHooks {
  /** Plugins after history and keymaps (the cdi-lint plugin). Called for each new state. */
  plugins: () => Plugin[];
  /** Extra key bindings, before the base keymap. */
  keys: () => Record<string, Command>;
  editable: () => boolean;
  attributes: (state: EditorState) => Record<string, string>;
  /** Called after each transaction was applied to the view. */
  transaction: (tr: Transaction, view: EditorView) => void;
  handleDOMEvents?: DirectEditorProps['handleDOMEvents'];
}

/** See the module comment. */
export class NoteEditorController implements ReactiveController {
  view: EditorView | undefined;
  /** The state while no view is mounted (and the initial one). */
  private saved: EditorState;

  /** The current state (the view's while mounted, so it is current even inside a plugin view's update). */
  get state(): EditorState {
    return this.view?.state ?? this.saved;
  }

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly hooks: NoteEditorHooks,
  ) {
    this.saved = this.create('');
    host.addController(this);
  }

  hostConnected(): void {
    if ((this.host as unknown as { hasUpdated: boolean }).hasUpdated) this.mount();
  }

  hostDisconnected(): void {
    this.unmount();
  }

  /** The note as plain text. */
  get text(): string {
    return docToText(this.state.doc);
  }

  /** Replaces the note and its undo history. */
  replace(text: string): void {
    this.saved = this.create(text);
    this.view?.updateState(this.saved);
  }

  /** Mounts the view in the shadow root's editor part (once rendered). */
  mount(): void {
    if (this.view) return;
    const root = (this.host as unknown as { renderRoot: ParentNode }).renderRoot;
    // Queried by part: ProseMirror strips its classes from the mount when a view is destroyed.
    const mount = root.querySelector<HTMLElement>('div[part="editor"]');
    if (!mount) return;
    this.view = new EditorView(
      { mount },
      {
        state: this.saved,
        editable: () => this.hooks.editable(),
        domParser: noteDOMParser,
        clipboardParser: noteClipboardParser,
        clipboardTextParser: noteClipboardTextParser,
        clipboardTextSerializer: (slice) => slice.content.textBetween(0, slice.content.size, '\n'),
        attributes: (state) => this.hooks.attributes(state),
        dispatchTransaction: (tr) => this.dispatch(tr),
        ...(this.hooks.handleDOMEvents ? { handleDOMEvents: this.hooks.handleDOMEvents } : {}),
      },
    );
  }

  /** Runs a command on the view; focuses the note when it applied. */
  run(command: Command): boolean {
    const view = this.view;
    if (!view) return false;
    const done = command(view.state, (tr) => view.dispatch(tr), view);
    if (done) view.focus();
    return done;
  }

  private unmount(): void {
    if (!this.view) return;
    this.saved = this.view.state;
    this.view.destroy();
    this.view = undefined;
  }

  private dispatch(tr: Transaction): void {
    const view = this.view;
    if (!view) return;
    view.updateState(view.state.apply(tr));
    this.hooks.transaction(tr, view);
  }

  private create(text: string): EditorState {
    return EditorState.create({
      doc: textToDoc(noteSchema, text),
      plugins: [
        history(),
        keymap({ 'Mod-z': undo, 'Shift-Mod-z': redo, 'Mod-y': redo, ...this.hooks.keys() }),
        keymap(baseKeymap),
        ...this.hooks.plugins(),
      ],
    });
  }
}
