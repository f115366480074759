/**
 * `PopoverPositioner`: places a finding's popover next to its words with Floating UI
 * (`@floating-ui/dom`, the positioning library Shoelace uses), or as a bottom sheet on narrow
 * screens. One instance per element; a ReactiveController so that it stops following when the
 * element is disconnected.
 *
 * The popover is absolutely positioned in the note column and kept inside the viewport (flip,
 * shift, and a max-height from the space available). The bottom sheet is placed by Floating UI
 * too, against the bottom edge of the viewport, full width. Positions are written through
 * `element.style` (the CSSOM), which a Content-Security-Policy without 'unsafe-inline' in
 * `style-src` allows; never through a `style` attribute in markup.
 *
 * Neither the top layer (Popover API) nor `position: fixed` is used: in Chromium 156 both stalled
 * the page's timers when the popover sat inside the editor's shadow root (reproduced in
 * web-test-runner, cause not found), while `absolute` works.
 */
import { autoUpdate, computePosition, flip, hide, offset, shift, size } from '@floating-ui/dom';
import type { VirtualElement } from '@floating-ui/dom';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Viewports this narrow get a bottom sheet instead of a popover beside the words. */
export const SHEET_MEDIA = '(max-width: 40rem)';
/** Space kept between the popover and the viewport's edges, in px. */
const EDGE = 8;
/** The popover never gets shorter than this when space is tight (it scrolls inside instead), in px. */
const MIN_HEIGHT = 160;

/** The layout viewport's size without scrollbars (what a bottom sheet spans). */
const viewportWidth = (): number => document.documentElement.clientWidth;
const viewportHeight = (): number => window.visualViewport?.height ?? document.documentElement.clientHeight;

/** The rectangle the popover points at (the finding's words), in viewport coordinates; null when it is gone. */
export type AnchorRect = () => DOMRect | null;

export class PopoverPositioner implements ReactiveController {
  private floating: HTMLElement | undefined;
  private anchor: AnchorRect = () => null;
  private context: Element | undefined;
  private stop: (() => void) | undefined;
  private reference: VirtualElement | undefined;
  private readonly media = typeof matchMedia === 'function' ? matchMedia(SHEET_MEDIA) : undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /**
   * Follows `anchor` with `floating` (a ref callback's element; undefined when it is removed).
   * `context` is an element beside the anchor (the editor), whose scrolling parents are watched.
   */
  attach(floating: Element | undefined, anchor: AnchorRect, context?: Element): void {
    this.anchor = anchor;
    this.context = context;
    if (floating === this.floating) {
      // The same element for another finding or a re-render: place it again now.
      if (this.reference && floating) void this.update(this.reference, floating as HTMLElement);
      return;
    }
    this.detach();
    if (!(floating instanceof HTMLElement)) return;
    this.floating = floating;
    this.media?.addEventListener('change', this.restart);
    // A ref callback runs before a new element is inserted: show and place it once it is connected.
    queueMicrotask(() => {
      if (this.floating !== floating || !floating.isConnected) return;
      this.start();
    });
  }

  /** True when the popover is a bottom sheet now. */
  get sheet(): boolean {
    return this.media?.matches ?? false;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.detach();
  }

  /** Stops following (the popover closed). */
  detach(): void {
    this.stop?.();
    this.stop = undefined;
    this.reference = undefined;
    this.media?.removeEventListener('change', this.restart);
    this.floating = undefined;
  }

  private readonly restart = (): void => {
    this.stop?.();
    this.start();
  };

  private start(): void {
    const el = this.floating;
    if (!el) return;
    const sheet = this.sheet;
    el.classList.toggle('popover--sheet', sheet);
    for (const key of ['top', 'left', 'width', 'maxHeight', 'maxWidth', 'visibility'] as const) el.style[key] = '';
    const reference: VirtualElement = sheet
      ? { getBoundingClientRect: () => new DOMRect(0, viewportHeight(), viewportWidth(), 0), contextElement: this.context }
      : { getBoundingClientRect: () => this.anchor() ?? new DOMRect(-9999, -9999, 0, 0), contextElement: this.context };
    this.reference = reference;
    this.stop = autoUpdate(reference, el, () => void this.update(reference, el));
  }

  private async update(reference: VirtualElement, el: HTMLElement): Promise<void> {
    if (el.classList.contains('popover--sheet')) {
      // Full width, its bottom on the viewport's bottom edge.
      el.style.width = `${viewportWidth()}px`;
      const { x, y } = await computePosition(reference, el, { placement: 'top-start', strategy: 'absolute' });
      if (this.floating !== el) return;
      el.style.left = `${x}px`;
      el.style.top = `${y}px`;
      return;
    }
    const { x, y, middlewareData } = await computePosition(reference, el, {
      placement: 'bottom-start',
      strategy: 'absolute',
      middleware: [
        offset(4),
        flip({ padding: EDGE, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'], fallbackStrategy: 'initialPlacement' }),
        // Too tall for the space below and above: it slides up over the words rather than scroll inside.
        shift({ padding: EDGE, crossAxis: true }),
        size({
          padding: EDGE,
          apply({ availableWidth, elements }) {
            elements.floating.style.maxHeight = `${Math.max(MIN_HEIGHT, viewportHeight() - 2 * EDGE)}px`;
            elements.floating.style.maxWidth = `${Math.max(200, Math.floor(Math.min(availableWidth, 28 * 16)))}px`;
          },
        }),
        hide({ padding: EDGE }),
      ],
    });
    if (this.floating !== el) return;
    el.style.left = `${x}px`;
    el.style.top = `${y}px`;
    el.style.visibility = middlewareData.hide?.referenceHidden ? 'hidden' : '';
  }

}
