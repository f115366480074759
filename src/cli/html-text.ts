/**
 * Reducing an HTML note (a FHIR attachment with contentType text/html) to its text.
 *
 * Not a full HTML parser: enough for the narrative HTML that EHRs export. Script, style, head and
 * comment contents are dropped; block elements and `<br>` become line breaks, table cells are
 * separated by a tab, every other tag disappears; character references are decoded (numeric ones
 * and the named ones that notes use); runs of spaces collapse. Never throws.
 */

/** Elements whose end (or start) is a line break in the text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/** Named character references seen in clinical HTML; others are left as written. */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', deg: '°',
  plusmn: '±', micro: 'µ', middot: '·', bull: '•', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“',
  rdquo: '”', times: '×', divide: '÷', le: '≤', ge: '≥', frac12: '½', frac14: '¼', frac34: '¾', sup2: '²',
  sup3: '³', copy: '©', reg: '®', para: '¶', sect: '§', laquo: '«', raquo: '»', shy: '',
};

/** A tag, with quoted attribute values that may contain `>`. */
const TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;

const BREAK = '\u0000';
const CELL = '\u0001';

/** The text of an HTML document or fragment. */
export function htmlToText(html: string): string {
  let s = html
    .replace(/[\u0000\u0001]/g, '')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<(script|style|head|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '');
  s = s.replace(TAG, (tag: string, name: string) => {
    const lower = name.toLowerCase();
    if (BLOCK.has(lower)) return BREAK;
    if (lower === 'td' || lower === 'th') return tag.startsWith('</') ? CELL : '';
    return '';
  });
  // Whitespace in HTML source is not significant: line breaks come from the tags alone.
  s = decodeEntities(s.replace(/[ \t\n\r\f]+/g, ' '));
  const lines = s.split(BREAK).map((line) => {
    const cells = line.split(CELL).map((cell) => cell.replace(/[ \u00a0]+/g, ' ').trim());
    while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
    return cells.join('\t').trim();
  });
  return lines.filter((line) => line !== '').join('\n') + '\n';
}

/** Decodes numeric and known named character references. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED[ref] ?? whole;
  });
}
