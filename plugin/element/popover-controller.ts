/**
 * `PopoverController`: when the popover of a finding opens and closes, and what it shows.
 *
 * Rules (each has a browser test in test/browser/popover.test.ts):
 * - **Typing never opens it.** A transaction that changes the text never opens a popover; a
 *   finding reported under the caret by a re-analysis does not open one either. It opens on a
 *   click in the finding's words, on Alt+F8 / Shift+Alt+F8 (or a panel button), when the caret is
 *   moved into a finding with the arrow keys or the mouse, and when the pointer rests on the
 *   underline for {@link HOVER_OPEN_MS}.
 * - **The pointer may travel from the word to the popover.** A popover opened by the pointer
 *   closes {@link HOVER_CLOSE_MS} after the pointer left both the word and the popover. Whether the
 *   pointer is in the popover is tracked as state (set on its `pointerenter`, cleared on
 *   `pointerleave`), so the order in which the word's `mouseout` and the popover's `pointerenter`
 *   arrive does not matter, and "Other" text being typed is never lost.
 * - **What was shown is what a click writes.** The finding and query are frozen when the popover
 *   opens: a re-analysis meanwhile does not redraw its options under the pointer. It closes only
 *   when its finding is gone (its words were edited).
 * - Escape closes it; a caret popover then stays closed until the caret leaves the finding.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Finding } from '../../src/index.js';
import type { ItemAnswer, Query } from '../../src/queries/types.js';

/** Delay before a popover opens under a resting pointer, in ms. */
export const HOVER_OPEN_MS = 350;
/** Delay before a popover opened by the pointer closes once the pointer has left word and popover, in ms. */
export const HOVER_CLOSE_MS = 300;

/** What opened the popover. */
export type PopoverSource =
  /** the pointer resting on the underline */
  | 'pointer'
  /** the caret moved into the finding (arrow keys, a click, Alt+F8) */
  | 'caret'
  /** the findings panel (a read-only note takes no caret) */
  | 'panel'
  /** an answer in progress: a query with items left to answer, whose finding is hidden meanwhile */
  | 'answer';

/** The open popover: its finding and query as they were when it opened. */
export interface OpenPopover {
  id: string;
  source: PopoverSource;
  finding: Finding;
  query: Query | undefined;
}

/**
 * A query being answered in the popover, one item at a time: the choices so far (written into the
 * note together by `answerFinding`, which replaces the previous partial write).
 */
export interface AnswerSession {
  id: string;
  query: Query;
  choices: ItemAnswer[];
}

/** See the module comment. */
export class PopoverController implements ReactiveController {
  open: OpenPopover | null = null;
  session: AnswerSession | null = null;
  /** The item whose "Other (please specify)" box is open, and the text typed in it. */
  other: { itemId: string; text: string } | null = null;

  /** A finding whose popover the user closed with Escape; it stays closed until the caret leaves it. */
  private suppressedId: string | null = null;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private overWord: string | null = null;
  private inPopover = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The visible finding `id` and its query, if any. */
    private readonly lookup: (id: string) => { finding: Finding; query: Query | undefined } | undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.clearTimers();
  }

  /** Opens the popover of finding `id` (frozen as it is now); false when it is not visible. */
  show(id: string, source: PopoverSource): boolean {
    if (this.open?.id === id && this.open.source !== 'pointer') return true;
    const found = this.lookup(id);
    if (!found) return false;
    if (this.open?.id === id) {
      this.open = { ...this.open, source };
    } else {
      this.other = null;
      this.session = null;
      this.open = { id, source, ...found };
    }
    this.host.requestUpdate();
    return true;
  }

  /** Keeps the popover of an answer in progress open (its finding is hidden until the query is done). */
  continueAnswer(session: AnswerSession, shown: OpenPopover): void {
    this.session = session;
    this.other = null;
    this.open = { ...shown, id: session.id, source: 'answer' };
    this.host.requestUpdate();
  }

  /** Closes the popover (Escape, a click on close). A caret popover stays closed until the caret leaves. Returns whether one was open. */
  close(): boolean {
    if (!this.open) return false;
    if (this.open.source === 'caret') this.suppressedId = this.open.id;
    this.reset();
    return true;
  }

  /** Forgets the open popover, its "Other" box and any answer in progress. */
  reset(): void {
    this.clearTimers();
    this.open = null;
    this.other = null;
    this.session = null;
    this.host.requestUpdate();
  }

  /**
   * The caret is now in finding `id` (or in none). `moved` is true when the user moved the caret
   * without changing the text (arrow keys, a click, Alt+F8): only then does a popover open.
   */
  caret(id: string | null, moved: boolean, focused: boolean): void {
    if (this.suppressedId !== null && this.suppressedId !== id) this.suppressedId = null;
    if (moved && focused && id !== null && id !== this.suppressedId) {
      if (this.open?.id !== id || this.open.source === 'pointer') this.show(id, 'caret');
    } else if (this.open?.source === 'caret' && this.open.id !== id) {
      this.reset();
    }
  }

  /** The visible findings changed: a popover whose finding is gone closes (not one answering). */
  findingsChanged(visible: (id: string) => boolean): void {
    const open = this.open;
    if (open && open.source !== 'answer' && !visible(open.id)) this.reset();
  }

  /** The pointer entered the underline of finding `id`: open after a short rest. */
  pointerOverWord(id: string): void {
    this.overWord = id;
    window.clearTimeout(this.closeTimer);
    if (this.open?.id === id) return;
    window.clearTimeout(this.openTimer);
    this.openTimer = setTimeout(() => {
      if (this.overWord !== id) return;
      if (this.open && this.open.source !== 'pointer') return; // never replaces a popover opened on purpose
      this.show(id, 'pointer');
    }, HOVER_OPEN_MS);
  }

  /** The pointer left an underline. */
  pointerOutOfWord(): void {
    this.overWord = null;
    window.clearTimeout(this.openTimer);
    this.scheduleClose();
  }

  /** The pointer entered the popover. */
  pointerEnterPopover(): void {
    this.inPopover = true;
    window.clearTimeout(this.closeTimer);
  }

  /** The pointer left the popover. */
  pointerLeavePopover(): void {
    this.inPopover = false;
    this.scheduleClose();
  }

  /** Text typed in the "Other" box of `itemId`. */
  otherText(itemId: string, text: string): void {
    this.other = { itemId, text };
    this.host.requestUpdate();
  }

  private scheduleClose(): void {
    if (this.open?.source !== 'pointer') return;
    window.clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => {
      // Whatever order the events came in, the pointer in the popover or on the word keeps it open,
      // and so does text being typed in its "Other" box.
      if (this.open?.source !== 'pointer' || this.inPopover || this.overWord === this.open.id || this.other !== null) return;
      this.reset();
    }, HOVER_CLOSE_MS);
  }

  private clearTimers(): void {
    window.clearTimeout(this.openTimer);
    window.clearTimeout(this.closeTimer);
  }
}
