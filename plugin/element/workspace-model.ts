/**
 * The CDI workspace's model: one row per query the note has raised, with its status, kept as the
 * note changes. Pure (no DOM): {@link WorkspaceTracker} feeds it the editor's events and
 * `<cdi-workspace>` renders it.
 *
 * A row is keyed by what the clinician sees (kind, condition family and the finding's words), not
 * by the finding id, so that a finding that comes back (an answer undone, a dismissal restored)
 * finds its row again.
 */
import type { CandidateCode, CodeRef, Finding } from '../../src/types.js';
import type { Query } from '../../src/queries/types.js';
import { conditionHeading } from '../../src/queries/present.js';

/**
 * Where a query stands:
 * - `open`: the finding is in the note and nobody has acted on it;
 * - `sent`: a CDI specialist sent the query; the finding is still in the note;
 * - `answered`: the clinician answered it (in the popover);
 * - `dismissed`: the clinician dismissed the finding;
 * - `auto-resolved`: the finding went away because the note was edited (no answer, no dismissal).
 */
export type QueryStatus = 'open' | 'sent' | 'answered' | 'dismissed' | 'auto-resolved';

/** Closed list of statuses, in the order the workspace lists them. */
export const QUERY_STATUSES: readonly QueryStatus[] = ['open', 'sent', 'answered', 'dismissed', 'auto-resolved'];

/** Words for each status. */
export const STATUS_LABELS: Readonly<Record<QueryStatus, string>> = {
  open: 'Open',
  sent: 'Sent',
  answered: 'Answered',
  dismissed: 'Dismissed',
  'auto-resolved': 'Auto-resolved',
};

/** One query of the workspace. */
export interface WorkspaceRow {
  key: string;
  /** The finding as last seen (its id is the editor's current id while it is shown). */
  finding: Finding;
  query: Query | undefined;
  status: QueryStatus;
  /** True while the finding is shown in the note. */
  visible: boolean;
  /** What the answer chose ("Acute on chronic; Systolic"), or the dismissal's reason, for answered and dismissed rows. */
  detail: string;
}

/** The identity of a finding as the clinician sees it. */
export function rowKey(finding: Pick<Finding, 'kind' | 'family' | 'text'>): string {
  return `${finding.kind}|${finding.family ?? ''}|${finding.text.replace(/\s+/g, ' ').trim().toLowerCase()}`;
}

/** The condition of a row in plain words ("Heart failure", "Knee osteoarthritis"). */
export function rowCondition(row: { finding: Pick<Finding, 'family' | 'kind'>; query?: Query | undefined }): string {
  if (row.query) return conditionHeading(row.query);
  const name = (row.finding.family ?? row.finding.kind).replace(/-/g, ' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Rows after the note's visible findings changed: a shown finding's row is open (or sent, if it
 * was sent while shown), created when new; a row whose finding is no longer shown and that was
 * open or sent becomes auto-resolved. Answered and dismissed rows keep their status until their
 * finding is shown again (an undone answer, a restored dismissal), which reopens them.
 */
export function withFindings(rows: readonly WorkspaceRow[], findings: readonly Finding[], queryFor: (id: string) => Query | undefined): WorkspaceRow[] {
  const byKey = new Map(rows.map((r) => [r.key, r] as const));
  const seen = new Set<string>();
  const out: WorkspaceRow[] = [];
  for (const finding of findings) {
    const key = rowKey(finding);
    if (seen.has(key)) continue;
    seen.add(key);
    const old = byKey.get(key);
    const status: QueryStatus = old?.status === 'sent' && old.visible ? 'sent' : 'open';
    out.push({ key, finding, query: queryFor(finding.id) ?? old?.query, status, visible: true, detail: status === 'open' ? '' : old?.detail ?? '' });
  }
  for (const row of rows) {
    if (seen.has(row.key)) continue;
    const gone = row.status === 'open' || row.status === 'sent';
    out.push({ ...row, visible: false, status: gone ? 'auto-resolved' : row.status });
  }
  return sortRows(out);
}

/** Rows after an explicit action on one finding (answer, dismissal, sending). */
export function withStatus(rows: readonly WorkspaceRow[], finding: Finding, status: Exclude<QueryStatus, 'open' | 'auto-resolved'>, detail: string, query?: Query): WorkspaceRow[] {
  const key = rowKey(finding);
  const known = rows.some((r) => r.key === key);
  const next = rows.map((r) => (r.key === key ? { ...r, status, detail, query: query ?? r.query, visible: status === 'sent' ? r.visible : false } : r));
  if (!known) next.push({ key, finding, query, status, visible: status === 'sent', detail });
  return sortRows(next);
}

/** Rows in note order of their findings, open and sent first, then answered, dismissed, auto-resolved. */
function sortRows(rows: WorkspaceRow[]): WorkspaceRow[] {
  const rank = (s: QueryStatus): number => (s === 'open' || s === 'sent' ? 0 : QUERY_STATUSES.indexOf(s));
  return rows.sort((a, b) => rank(a.status) - rank(b.status) || a.finding.start - b.finding.start);
}

/** Rows per status. */
export function countByStatus(rows: readonly WorkspaceRow[]): Record<QueryStatus, number> {
  const counts = Object.fromEntries(QUERY_STATUSES.map((s) => [s, 0])) as Record<QueryStatus, number>;
  for (const r of rows) counts[r.status]++;
  return counts;
}

/**
 * Queries still to settle (open or sent) whose finding is low-confidence (`confidence: 'low'`):
 * the workspace lists them, marked, and counts them apart.
 */
export function countLowConfidence(rows: readonly WorkspaceRow[]): number {
  return rows.filter((r) => (r.status === 'open' || r.status === 'sent') && r.finding.confidence === 'low').length;
}

/**
 * Queries still to settle (open or sent) by condition, in plain words: largest first, then by
 * name. Distinct conditions of one family ("Knee osteoarthritis", "Hip osteoarthritis") count apart.
 */
export function countByCondition(rows: readonly WorkspaceRow[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    if (r.status !== 'open' && r.status !== 'sent') continue;
    const name = rowCondition(r);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The codes of a finding for the workspace: the current one and at most `cap` candidates, with how many more there are. */
export function codesOf(finding: Pick<Finding, 'codes'>, cap = 3): { current: CodeRef | null; candidates: CandidateCode[]; more: number } {
  const all = finding.codes.candidates;
  return { current: finding.codes.current, candidates: all.slice(0, cap), more: Math.max(0, all.length - cap) };
}

/** The codes as one line of text: "I50.9 Heart failure, unspecified → I50.21 …, I50.22 … and 10 more". */
export function codesText(finding: Pick<Finding, 'codes'>, cap = 3): string {
  const { current, candidates, more } = codesOf(finding, cap);
  const now = current ? `${current.code} ${current.title}` : 'no code';
  if (candidates.length === 0) return now;
  const list = candidates.map((c) => `${c.code} ${c.title}`).join(', ');
  return `${now} → ${list}${more > 0 ? ` and ${more} more` : ''}`;
}
