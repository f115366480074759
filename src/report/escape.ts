/**
 * Escaping untrusted text (note text, file names, identifiers) for HTML. Every string that reaches
 * the report from outside goes through {@link html}; nothing is ever inserted raw.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in quoted attribute values; control characters become U+FFFD. */
export function html(value: string | number): string {
  return String(value)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '\ufffd')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** "heart-failure" → "Heart failure". */
export function label(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
