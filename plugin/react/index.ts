/**
 * `cdi-lint/react`: `<CdiEditor>` for React 17–19, made with `@lit/react`. Properties are set on
 * the element (not stringified into attributes) and events arrive as camelCase props typed from
 * the element's event map: `onCdiFindings={(e) => e.detail.findings}`.
 *
 * ```tsx
 * import { CdiEditor } from 'cdi-lint/react';
 * const [note, setNote] = useState('PMH: CHF.');
 * <CdiEditor value={note} onCdiChange={(e) => setNote(e.detail.value)} onCdiFindings={(e) => show(e.detail.findings)} />
 * ```
 *
 * `value` can be controlled: the element ignores a `value` equal to its text, so echoing
 * `cdi-change` back keeps the caret and the undo history.
 *
 * Importing this module also types `<cdi-editor>` in JSX (React 19's `JSX.IntrinsicElements`),
 * with React 19's exact event prop names (`oncdi-findings`), for hosts that use the element
 * directly.
 */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { CdiEditor as CdiEditorElement } from '../cdi-editor.js';
import type { CdiEventMap } from '../element/events.js';

/** React prop name → element event name, for every event of `<cdi-editor>`. */
const EVENT_PROPS = {
  onCdiChange: 'cdi-change',
  onCdiFindings: 'cdi-findings',
  onCdiFindingDismiss: 'cdi-finding-dismiss',
  onCdiAnswer: 'cdi-answer',
  onCdiQuerySend: 'cdi-query-send',
  onCdiAudit: 'cdi-audit',
  onCdiStatus: 'cdi-status',
} as const satisfies Record<string, keyof CdiEventMap>;

/** The event props of {@link CdiEditor}, each typed with its event from `CdiEventMap`. */
export type CdiEditorEventProps = {
  [P in keyof typeof EVENT_PROPS]?: (event: CdiEventMap[(typeof EVENT_PROPS)[P]]) => void;
};

// Compile-time check: an event added to CdiEventMap without a prop here fails the typecheck.
type MissingEventProps = Exclude<keyof CdiEventMap, (typeof EVENT_PROPS)[keyof typeof EVENT_PROPS]>;
const everyEventHasAProp: [MissingEventProps] extends [never] ? true : MissingEventProps = true;
void everyEventHasAProp;

/** The element's properties a React host sets (as properties, not attributes). */
export type CdiEditorProperties = Partial<
  Pick<CdiEditorElement, 'value' | 'setting' | 'view' | 'readonly' | 'placeholder' | 'label' | 'analysis' | 'analyzer' | 'workerUrl'>
>;

/** Props of {@link CdiEditor}: HTML attributes, the element's properties and its events. */
export type CdiEditorProps = Omit<React.HTMLAttributes<CdiEditorElement>, keyof CdiEditorEventProps | keyof CdiEditorProperties> &
  CdiEditorProperties &
  CdiEditorEventProps;

/**
 * `<cdi-editor>` as a React component (see the module comment). Registers the element on import.
 * Typed here rather than by `@lit/react`'s types, which this package bundles and does not install.
 */
export const CdiEditor = createComponent({
  tagName: 'cdi-editor',
  elementClass: CdiEditorElement,
  react: React,
  events: EVENT_PROPS,
  displayName: 'CdiEditor',
}) as unknown as React.ForwardRefExoticComponent<CdiEditorProps & React.RefAttributes<CdiEditorElement>>;

/** The element class, for refs: `useRef<CdiEditorElement>(null)`. */
export { CdiEditorElement };
export type * from '../element/events.js';

/** Properties of `<cdi-editor>` that JSX may set (React 19 sets them as properties). */
type CdiEditorJsxProperties = Partial<
  Pick<CdiEditorElement, 'value' | 'setting' | 'view' | 'readonly' | 'placeholder' | 'label' | 'analysis' | 'analyzer'>
>;

/** React 19's props for custom-element events: `on` + the exact event name. */
type CdiEditorJsxEvents = { [K in keyof CdiEventMap as `on${K}`]?: (event: CdiEventMap[K]) => void };

/** The props `<cdi-editor>` accepts in JSX (React 19). */
export type CdiEditorJsxProps = React.DetailedHTMLProps<React.HTMLAttributes<CdiEditorElement>, CdiEditorElement> &
  CdiEditorJsxProperties &
  CdiEditorJsxEvents & { 'worker-url'?: string };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'cdi-editor': CdiEditorJsxProps;
    }
  }
}
