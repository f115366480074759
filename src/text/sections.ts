/**
 * Sections: the headers clinicians write, and the category of the text each governs.
 *
 * A header is recognised at the start of a line, as
 * - a known header followed by a colon, inline or alone ("PMH: CHF, DM", "PLAN:");
 * - a known header alone on its line, without a colon ("HISTORY OF PRESENT ILLNESS");
 * - any ALL-CAPS phrase followed by a colon ("ESTIMATED BLOOD LOSS:"); an unknown one is a
 *   subsection and keeps the category of the section it sits in (exam subsections, for example).
 * Known headers are data: `src/knowledge/sections.json`.
 */
import type { Section, SectionCategory, Span } from '../types.js';
import sectionData from '../knowledge/sections.json';

const HEADER_TO_CATEGORY: ReadonlyMap<string, SectionCategory> = buildHeaderMap(sectionData.categories);

function buildHeaderMap(categories: Record<string, string[]>): Map<string, SectionCategory> {
  const map = new Map<string, SectionCategory>();
  for (const [category, headers] of Object.entries(categories)) {
    for (const header of headers) map.set(normalizeHeader(header), category as SectionCategory);
  }
  return map;
}

/** Lower case, single spaces, no trailing "s" difference between "diagnosis"/"diagnoses" kept as data. */
function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The category of a header's text, or undefined when it is not a known header. A compound header
 * ("PAST MEDICAL HISTORY/SURGERIES/HOSPITALIZATIONS", "Allergies and medications") takes the
 * category of its first known part.
 */
export function categoryOfHeader(header: string): SectionCategory | undefined {
  const normalized = normalizeHeader(header);
  const whole = HEADER_TO_CATEGORY.get(normalized);
  if (whole) return whole;
  const parts = normalized.split(/\s*(?:\/|&|,| and )\s*/);
  for (const part of parts) {
    const category = HEADER_TO_CATEGORY.get(part);
    if (category) return category;
  }
  // A shared last word ("FAMILY, SOCIAL AND ALLERGY HISTORY" = family history, social history, ...).
  const last = parts[parts.length - 1]?.split(' ').pop();
  if (last && parts.length > 1) {
    for (const part of parts.slice(0, -1)) {
      const category = HEADER_TO_CATEGORY.get(`${part} ${last}`);
      if (category) return category;
    }
  }
  return undefined;
}

// A candidate header at the start of a line: up to 60 characters of letters, spaces and a few
// marks, then a colon. Bounded repetition keeps it linear.
const COLON_HEADER = /^[ \t]*([A-Za-z][A-Za-z0-9 /&,'()-]{0,59}?)[ \t]*:/;
const ALONE_HEADER = /^[ \t]*([A-Za-z][A-Za-z /&'-]{0,59}?)[ \t]*$/;

/**
 * Finds the sections of `text`. The first section (text before any header) has an empty header
 * and category `other`. Sections cover the text without gaps: each ends where the next header starts.
 */
export function findSections(text: string): Section[] {
  const sections: Section[] = [];
  let current: Section = { header: '', category: 'other', headerSpan: { start: 0, end: 0 }, span: { start: 0, end: text.length } };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 200));
    let header = matchHeader(line, current.category);
    // A header wrapped over two lines ("FAMILY, SOCIAL" / "AND ALLERGY HISTORY:"): an all-caps line
    // with no colon, then an all-caps header line, read as one header.
    if (header && lineStart > 0 && isAllCaps(header.text)) {
      const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
      const prev = text.slice(prevStart, lineStart - 1).replace(/\r$/, '');
      const joined = `${prev.trim()} ${header.text}`;
      const known = /^[A-Z][A-Z ,/&]{1,40}$/.test(prev.trim()) && !prev.includes(':') && prevStart >= current.span.start ? categoryOfHeader(joined) : undefined;
      if (known && prevStart > current.headerSpan.end - 1) {
        header = { text: joined, category: known, span: { start: prevStart - lineStart + (prev.length - prev.trimStart().length), end: header.span.end } };
      }
    }
    if (header) {
      current.span.end = lineStart + header.span.start;
      if (current.header !== '' || current.span.end > current.span.start) sections.push(current);
      const headerSpan: Span = { start: lineStart + header.span.start, end: lineStart + header.span.end };
      current = { header: header.text, category: header.category, headerSpan, span: { start: headerSpan.end, end: text.length } };
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  current.span.end = text.length;
  sections.push(current);
  return sections;
}

interface HeaderMatch { text: string; category: SectionCategory; span: Span }

function matchHeader(line: string, enclosing: SectionCategory): HeaderMatch | undefined {
  const colon = COLON_HEADER.exec(line);
  if (colon) {
    const name = colon[1]!;
    const start = colon[0].indexOf(name);
    const span = { start, end: colon[0].length };
    const known = categoryOfHeader(name);
    if (known) return { text: name, category: known, span };
    if (isAllCaps(name) && name.replace(/[^A-Za-z]/g, '').length >= 2) return { text: name, category: subsectionCategory(enclosing), span };
    return undefined;
  }
  const alone = ALONE_HEADER.exec(line.replace(/\r$/, ''));
  if (alone) {
    const name = alone[1]!;
    const known = categoryOfHeader(name);
    // Single letters alone on a line ("S", "A") are too ambiguous without a colon.
    if (known && name.length > 2) {
      const start = line.indexOf(name);
      return { text: name, category: known, span: { start, end: start + name.length } };
    }
  }
  return undefined;
}

function subsectionCategory(enclosing: SectionCategory): SectionCategory {
  return enclosing;
}

function isAllCaps(s: string): boolean {
  return /[A-Z]/.test(s) && s === s.toUpperCase();
}

/** The section holding `offset` (binary search over sections from {@link findSections}). */
export function sectionAt(sections: Section[], offset: number): Section {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sections[mid]!.headerSpan.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return sections[lo]!;
}
