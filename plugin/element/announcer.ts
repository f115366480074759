/**
 * `AnnouncerController`: the one polite live region of a component. Everything the component says
 * to a screen reader (a finding landed on, an answer written, a count changed, an export copied)
 * goes through {@link AnnouncerController.announce}, so there is never a second region competing
 * with it. Render {@link AnnouncerController.region} once in the component's template.
 */
import { html } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';

export class AnnouncerController implements ReactiveController {
  private text = '';
  /** Flips on each announcement: the same words twice in a row are still read twice. */
  private flip = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** What the region says now. */
  get message(): string {
    return this.text;
  }

  /** Says `text` politely (after what the screen reader is reading). Empty text is ignored. */
  announce(text: string): void {
    const next = text.replace(/\s+/g, ' ').trim();
    if (next === '') return;
    this.flip = next === this.text ? !this.flip : false;
    this.text = next;
    this.host.requestUpdate();
  }

  /** Says `text` only when nothing has been said yet (a first count, say). */
  announceIfSilent(text: string): void {
    if (this.text === '') this.announce(text);
  }

  hostConnected(): void {}

  /** The live region: visually hidden, polite, read whole. A repeated message differs by a trailing no-break space, so it is read again. */
  region(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.flip ? `${this.text}\u00a0` : this.text}</div>`;
  }
}
