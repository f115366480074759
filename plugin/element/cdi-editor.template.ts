/**
 * The markup of `<cdi-editor>`'s shadow root, as pure functions of what they are given: the grid of
 * the note (the editor's mount, the open popover, the status line, the shortcut hint) and the side
 * (findings panel, "Dismissed (n)"), the live region; the status line's words; the attributes of
 * the editable root; and the props of the open popover ({@link renderFindingPopover}). They read
 * no element state of their own.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { EditorState } from 'prosemirror-state';
import type { AnalyzerStatus } from '../prosemirror/index.js';
import type { AnalysisController } from './analysis-controller.js';
import { renderDismissedList } from './dismissed-list.js';
import type { DismissedListProps } from './dismissed-list.js';
import type { FindingActionsController } from './finding-actions.js';
import { renderFindingPopover } from './finding-popover.js';
import { renderFindingsPanel } from './findings-panel.js';
import type { FindingsPanelProps } from './findings-panel.js';
import type { PopoverController } from './popover-controller.js';
import type { AnchorRect, PopoverPositioner } from './popover-position.js';

/** What the element's template shows, and what its panel and "Dismissed (n)" list call back. */
export interface EditorTemplateProps {
  /** The open popover ({@link renderOpenPopover}), or `nothing`. */
  popover: TemplateResult | typeof nothing;
  /** The analysis as it stands: the status line and the panel show it. */
  analysis: Pick<AnalysisController, 'status' | 'analysed' | 'findings' | 'queries'>;
  view: FindingsPanelProps['view'];
  readonly: boolean;
  /** Id of the finding under the caret, if any. */
  activeId: string | null;
  dismissals: DismissedListProps['dismissals'];
  onSelect: FindingsPanelProps['onSelect'];
  onRestore: DismissedListProps['onRestore'];
  /** The live region (`AnnouncerController.region()`). */
  region: TemplateResult;
}

/** The shadow root's content: the note (with the popover after the editor, so Tab reaches it) beside the panel. */
export function renderEditor(props: EditorTemplateProps): TemplateResult {
  return html`<div class="base" part="base">
      <div class="note">
        <div class="editor" part="editor"></div>
        ${props.popover}
        <p class="status" part="status">${statusText(props.analysis)}</p>
        <p id="shortcuts" class="visually-hidden">
          Alt+F8 moves to the next finding, Shift+Alt+F8 to the previous one. Tab reaches the finding's answers; Escape closes them.
        </p>
      </div>
      <div class="side">
        ${renderFindingsPanel({
          findings: props.analysis.findings,
          queries: props.analysis.queries,
          view: props.view,
          activeId: props.activeId,
          analysed: props.analysis.analysed,
          onSelect: props.onSelect,
        })}
        ${renderDismissedList({
          dismissals: props.dismissals,
          readonly: props.readonly,
          onRestore: props.onRestore,
        })}
      </div>
      ${props.region}
    </div>`;
}

/** The quiet status line under the note: empty while suggestions work. */
export function statusText(analysis: { status: AnalyzerStatus; analysed: boolean }): string {
  const { status, analysed } = analysis;
  if (status === 'error' || status === 'retrying') return 'Suggestions are unavailable right now; the editor still works.';
  if (status === 'loading' && !analysed) return 'Loading suggestions…';
  return '';
}

/** What the editable root's attributes depend on. */
export interface EditorAttributesProps {
  label: string;
  placeholder: string;
  readonly: boolean;
}

/** The attributes of ProseMirror's editable root: a labelled multi-line text box, with its placeholder while empty. */
export function editorAttributes(state: EditorState, props: EditorAttributesProps): Record<string, string> {
  const empty = state.doc.childCount === 1 && state.doc.firstChild!.content.size === 0;
  const attrs: Record<string, string> = {
    class: 'editor',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': props.label,
    'aria-describedby': 'shortcuts',
    spellcheck: 'false',
  };
  if (props.readonly) attrs['aria-readonly'] = 'true';
  if (props.placeholder) {
    attrs['aria-placeholder'] = props.placeholder;
    attrs['data-placeholder'] = props.placeholder;
  }
  if (empty) attrs['data-empty'] = '';
  return attrs;
}

/** The popover and what it reaches: its answer in progress and "Other" box, the actions, the positioner. */
export interface OpenPopoverProps {
  popover: Pick<PopoverController, 'open' | 'session' | 'other' | 'otherText' | 'pointerEnterPopover' | 'pointerLeavePopover'>;
  /** The words of finding `id` on screen; undefined when they are not in the note. */
  anchor: (id: string) => AnchorRect | undefined;
  actions: Pick<FindingActionsController, 'preview' | 'choose' | 'send' | 'dismiss' | 'close' | 'undo' | 'isSent' | 'dismissHint'>;
  positioner: PopoverPositioner;
  /** The editor, whose scrolling the popover follows. */
  context: Element | undefined;
  view: 'clinician' | 'cdi';
  readonly: boolean;
}

/**
 * The popover of the open finding, if any and its words are in the note: the query as answered so
 * far in it, each control bound to its action.
 */
export function renderOpenPopover(props: OpenPopoverProps): TemplateResult | typeof nothing {
  const { popover, actions } = props;
  const open = popover.open;
  if (!open) return nothing;
  const anchor = props.anchor(open.id);
  if (!anchor) return nothing;
  const session = popover.session?.id === open.id ? popover.session : null;
  const query = session?.query ?? open.query;
  const other = popover.other;
  return renderFindingPopover({
    finding: open.finding,
    query,
    chosen: session?.choices ?? [],
    otherItem: other?.itemId ?? null,
    preview: (itemId, option, text) => actions.preview(open, itemId, option, text),
    otherText: other?.text ?? '',
    sent: actions.isSent(open.id),
    view: props.view,
    anchor,
    positioner: props.positioner,
    context: props.context,
    readonly: props.readonly,
    dismissHint: actions.dismissHint,
    onChoose: (itemId, option, text) => actions.choose(open, itemId, option, text),
    onOther: (itemId) => popover.otherText(itemId, ''),
    onOtherInput: (itemId, text) => popover.otherText(itemId, text),
    onSend: () => actions.send(open.finding, query),
    onDismiss: (reason) => actions.dismiss(open.finding, reason),
    onClose: () => actions.close(true),
    onUndo: () => actions.undo(),
    onPointerEnter: () => popover.pointerEnterPopover(),
    onPointerLeave: () => popover.pointerLeavePopover(),
  });
}
