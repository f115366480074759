/**
 * The one way `<cdi-editor>` fires events: always a `CustomEvent` that bubbles and is composed
 * (crosses shadow roots), typed by {@link CdiEventMap}.
 */
import type { CdiEventMap } from './events.js';

/** Detail type of a `cdi-…` event. */
export type EventDetail<K extends keyof CdiEventMap> = CdiEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Fires `name` on `target` with `detail`; returns false when a listener called `preventDefault()`. */
export function emit<K extends keyof CdiEventMap>(target: EventTarget, name: K, detail: EventDetail<K>): boolean {
  const event = new CustomEvent<EventDetail<K>>(name, { detail, bubbles: true, composed: true, cancelable: true });
  return target.dispatchEvent(event);
}
