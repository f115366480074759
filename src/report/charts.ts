/**
 * Charts of the report as plain SVG, drawn when the report is built: no script, no library, no
 * inline style (colours are classes of the report's one stylesheet), so they render under a strict
 * Content-Security-Policy, print, and stay readable with scripts off.
 */
import { html } from './escape.js';

/** One bar: its label and value. */
export interface Bar {
  label: string;
  value: number;
}

const LABEL_WIDTH = 190;
const BAR_WIDTH = 300;
const VALUE_WIDTH = 60;
const ROW = 24;

/**
 * A horizontal bar chart: one row per bar, in the order given, bars scaled to the largest value.
 * `title` names the chart for assistive technology; each bar has a `<title>` with its exact value.
 */
export function barChart(title: string, bars: readonly Bar[], tone = 'a'): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  const height = Math.max(1, bars.length) * ROW + 4;
  const rows = bars.map((bar, i) => {
    const y = i * ROW + 2;
    const w = bar.value > 0 ? Math.max(2, Math.round((bar.value / max) * BAR_WIDTH)) : 0;
    const name = bar.label.length > 28 ? bar.label.slice(0, 27) + '…' : bar.label;
    return (
      `<g class="bar"><title>${html(bar.label)}: ${bar.value}</title>` +
      `<text class="chart-label" x="${LABEL_WIDTH - 8}" y="${y + 16}" text-anchor="end">${html(name)}</text>` +
      `<rect class="tone-${tone}" x="${LABEL_WIDTH}" y="${y + 3}" width="${w}" height="${ROW - 7}" rx="3"></rect>` +
      `<text class="chart-value" x="${LABEL_WIDTH + w + 6}" y="${y + 16}">${bar.value.toLocaleString('en-US')}</text></g>`
    );
  });
  const empty = bars.length === 0 ? `<text class="chart-label" x="0" y="18">No findings</text>` : '';
  return (
    `<svg class="chart" role="img" aria-label="${html(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${html(title)}</title>${rows.join('')}${empty}</svg>`
  );
}
