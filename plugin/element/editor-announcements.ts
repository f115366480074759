/**
 * `EditorAnnouncements`: what `<cdi-editor>` says to a screen reader, all through its one
 * {@link AnnouncerController} region: the analysis's count ("3 findings"), landing on a finding
 * (its popover opened, not by an answer in progress): "CHF: needs acuity and type. Tab to
 * answer.", and what an answer wrote, whatever path answered (every `cdi-answer`). A count that
 * follows an answer or a landing by less than {@link SPOKEN_MS} is not announced, so that it does
 * not cut them off. One job: the element's announcements.
 */
import { answerAnnouncement, landingAnnouncement, writtenPhrase } from '../../src/queries/present.js';
import type { AnalysisController } from './analysis-controller.js';
import type { AnnouncerController } from './announcer.js';
import type { PopoverController } from './popover-controller.js';

/** How long a count change stays quiet after an answer or a landing was announced, in ms. */
export const SPOKEN_MS = 3000;

/** What the announcements read from their host element. */
export interface AnnouncementsHost extends HTMLElement {
  /** The note as plain text (what an answer wrote is read from it). */
  readonly value: string;
}

/** The element's parts the announcements read. */
export interface AnnouncementsParts {
  announcer: AnnouncerController;
  analysis: AnalysisController;
  popover: PopoverController;
}

/** See the module comment. */
export class EditorAnnouncements {
  /** What was last announced from the analysis (its count) and the popover last landed on. */
  private announced = { count: '', popover: null as string | null, spokeAt: -Infinity };

  constructor(
    host: AnnouncementsHost,
    private readonly parts: AnnouncementsParts,
  ) {
    // An answer is announced by what it wrote, whatever path answered.
    host.addEventListener('cdi-answer', (event) => {
      const { finding, query, answer, edit } = event.detail;
      const last = answer.choices.at(-1);
      const label = query.items.find((i) => i.id === last?.itemId)?.options.find((o) => o.id === last?.optionId)?.label;
      this.say(answerAnnouncement(edit && edit.insert !== '' ? writtenPhrase(host.value, finding, edit) : null, label));
    });
  }

  /** Call after each update of the host: announces a new count, and the finding landed on. */
  updated(): void {
    const { announcer, analysis, popover } = this.parts;
    const count = analysis.announcement;
    if (count !== this.announced.count) {
      this.announced.count = count;
      // A count that follows an answer or a landing by less than a few seconds would cut it off.
      if (performance.now() - this.announced.spokeAt > SPOKEN_MS) announcer.announce(count);
    }
    const open = popover.open;
    const id = open && open.source !== 'answer' ? open.id : open ? this.announced.popover : null;
    if (id !== this.announced.popover) {
      this.announced.popover = id;
      if (open && id !== null) this.say(landingAnnouncement(open.finding.text, open.query));
    }
  }

  /** Says something the user did or landed on (a count change does not interrupt it for a while). */
  private say(text: string): void {
    this.announced.spokeAt = performance.now();
    this.parts.announcer.announce(text);
  }
}
