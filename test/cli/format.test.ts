import { describe, expect, it } from 'vitest';
import { formatContextText } from '../../src/cli/context.js';
import { formatFileJson } from '../../src/cli/format-json.js';
import { formatCodes, formatFileText, formatSummary, quoteEvidence } from '../../src/cli/format-text.js';
import { LineIndex } from '../../src/cli/line-index.js';
import { Progress, progressLine } from '../../src/cli/progress.js';
import type { Finding } from '../../src/types.js';

const NOTE = 'HPI:\r\nHx of DM.\r\nAssessment: CHF exacerbation.\n';
const START = NOTE.indexOf('CHF');

function candidate(code: string): Finding['codes']['candidates'][number] {
  return { code, title: `title of ${code}`, when: {} };
}

/** A hand-made finding for "CHF" on line 3 of NOTE. */
function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: `missing-specificity:heart-failure:${START}-${START + 3}`,
    kind: 'missing-specificity',
    severity: 'warning',
    family: 'heart-failure',
    axes: ['acuity', 'type'],
    start: START,
    end: START + 3,
    text: 'CHF',
    mentions: [{ start: START, end: START + 3 }],
    assertion: { negated: false, historical: false, hypothetical: false, experiencer: 'patient', uncertain: false },
    section: 'assessment',
    message: 'Heart failure: state the acuity and the type.',
    codes: {
      current: { code: 'I50.9', title: 'Heart failure, unspecified' },
      candidates: ['I50.21', 'I50.22', 'I50.23', 'I50.31', 'I50.32', 'I50.33'].map(candidate),
    },
    documented: {},
    rule: 'missing-specificity/heart-failure',
    source: ['ICD-10-CM Tabular List, I50'],
    ...overrides,
  };
}

describe('formatFileText', () => {
  it('prints the file, then position, kind, family, missing axes, evidence, message and codes', () => {
    expect(formatFileText('notes/a.txt', NOTE, [finding()], { color: false })).toBe(
      'notes/a.txt\n' +
        '  3:13  warning  missing-specificity  heart-failure  missing: acuity, type\n' +
        '    "CHF" — Heart failure: state the acuity and the type.\n' +
        '    codes: I50.9 → I50.21, I50.22, I50.23, I50.31, … +2 more\n' +
        '\n',
    );
  });

  it('prints nothing for a file without findings', () => {
    expect(formatFileText('notes/a.txt', NOTE, [], { color: false })).toBe('');
  });

  it('omits the missing list when a finding names no axes', () => {
    const out = formatFileText('a.txt', NOTE, [finding({ axes: [] })], { color: false });
    expect(out.split('\n')[1]).toBe('  3:13  warning  missing-specificity  heart-failure');
  });

  it('wraps the parts in ANSI colours when colour is on', () => {
    const lines = formatFileText('a.txt', NOTE, [finding()], { color: true }).split('\n');
    expect(lines[0]).toBe('\u001b[4ma.txt\u001b[0m');
    expect(lines[1]).toBe(
      '  \u001b[2m3:13\u001b[0m  \u001b[33mwarning\u001b[0m  missing-specificity  \u001b[1mheart-failure\u001b[0m  missing: acuity, type',
    );
  });

  it('never writes control characters from the file name or the message', () => {
    const out = formatFileText('a\u001b[2J.txt', NOTE, [finding({ message: 'x\u0007y' })], { color: false });
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe('formatCodes', () => {
  it('lists every candidate when there are at most five', () => {
    expect(formatCodes(finding().codes, 6)).toBe('I50.9 → I50.21, I50.22, I50.23, I50.31, I50.32, I50.33');
  });

  it('shows only the current code when there are no candidates', () => {
    expect(formatCodes({ current: { code: 'I50.9', title: '' }, candidates: [] })).toBe('I50.9');
  });

  it('lists a candidate code once even when several axis values lead to it', () => {
    const codes = { current: { code: 'I50.9', title: '' }, candidates: [candidate('I50.82'), candidate('I50.82')] };
    expect(formatCodes(codes)).toBe('I50.9 → I50.82');
  });
});

describe('quoteEvidence', () => {
  it('puts evidence on one line by collapsing whitespace', () => {
    expect(quoteEvidence('heart\r\n  failure')).toBe('"heart failure"');
  });

  it('cuts long evidence with an ellipsis', () => {
    expect(quoteEvidence('acute on chronic systolic heart failure', 12)).toBe('"acute on ch…"');
  });
});

describe('formatSummary', () => {
  it('counts findings, files with findings and files checked', () => {
    expect(formatSummary({ findings: 3, filesWithFindings: 2, filesChecked: 40, filesFailed: 0 })).toBe('3 findings in 2 of 40 files\n');
  });

  it('uses the singular for one finding in a single file', () => {
    expect(formatSummary({ findings: 1, filesWithFindings: 1, filesChecked: 1, filesFailed: 0 })).toBe('1 finding in 1 file\n');
  });

  it('says 0 files when nothing was checked', () => {
    expect(formatSummary({ findings: 0, filesWithFindings: 0, filesChecked: 0, filesFailed: 0 })).toBe('0 findings in 0 files\n');
  });

  it('mentions the files that could not be read', () => {
    expect(formatSummary({ findings: 0, filesWithFindings: 0, filesChecked: 2, filesFailed: 1 })).toBe(
      '0 findings in 0 of 2 files; 1 file could not be read\n',
    );
  });
});

describe('formatFileJson', () => {
  it('writes one JSON line with the file and every finding whole', () => {
    const line = formatFileJson('notes/a.txt', [finding()]);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({ file: 'notes/a.txt', findings: [finding()] });
  });

  it('writes an empty findings array for a clean note', () => {
    expect(formatFileJson('-', [])).toBe('{"file":"-","findings":[]}\n');
  });
});

describe('LineIndex', () => {
  it('counts LF, CRLF and lone CR as line ends and columns in UTF-16 units', () => {
    const index = new LineIndex('a\r\nb\rc\n𝄞x');
    expect(index.position(3)).toEqual({ line: 2, column: 1 });
    expect(index.position(5)).toEqual({ line: 3, column: 1 });
    expect(index.position(9)).toEqual({ line: 4, column: 3 });
  });
});

describe('progressLine', () => {
  it('shows a bar, the share done, the count, the rate and the time left', () => {
    expect(progressLine({ notes: 1130, fraction: 0.25, elapsedMs: 5000, width: 80 })).toBe(
      '[########......................]  25%  1,130 notes  226 notes/s  0:15 left',
    );
  });

  it('shortens the bar, then drops it, to fit the width', () => {
    expect(progressLine({ notes: 10, fraction: 0.5, elapsedMs: 2000, width: 50 })).toBe('[######.....]  50%  10 notes  5 notes/s  0:02 left');
    expect(progressLine({ notes: 10, fraction: 0.5, elapsedMs: 2000, width: 38 })).toBe(' 50%  10 notes  5 notes/s  0:02 left');
  });

  it('shows only the count and rate when the total is unknown, and no rate in the first half second', () => {
    expect(progressLine({ notes: 12, fraction: undefined, elapsedMs: 4000, width: 80 })).toBe('12 notes  3 notes/s');
    expect(progressLine({ notes: 1, fraction: 0.01, elapsedMs: 100, width: 80 })).toMatch(/\] {3}1%  1 note$/);
  });
});

describe('Progress', () => {
  const stream = (isTTY: boolean) => {
    const chunks: string[] = [];
    return { isTTY, columns: 80, write: (c: string) => chunks.push(c), chunks };
  };

  it('draws on a terminal and erases itself', () => {
    let now = 0;
    const s = stream(true);
    const progress = new Progress(s, 1000, true, () => now);
    now = 2000;
    progress.update(10, 500);
    progress.clear();
    expect(s.chunks).toEqual(['\r\u001b[K[###############...............]  50%  10 notes  5 notes/s  0:02 left', '\r\u001b[K']);
  });

  it('is quiet when the stream is not a terminal', () => {
    const s = stream(false);
    const progress = new Progress(s, 1000, true);
    progress.update(10, 500);
    progress.clear();
    expect(s.chunks).toEqual([]);
  });
});

describe('formatContextText', () => {
  const input = '{"text":"Mother denies chest pain.","target":"chest pain"}';

  it('lists the set assertion flags, the target and the sentence', () => {
    const output = '{"negated":true,"historical":false,"hypothetical":false,"experiencer":"other","uncertain":false}';
    expect(formatContextText(input, output)).toBe('negated, experiencer: other  "chest pain"  in "Mother denies chest pain."');
  });

  it('says affirmed when no flag is set', () => {
    const output = '{"negated":false,"historical":false,"hypothetical":false,"experiencer":"patient","uncertain":false}';
    expect(formatContextText(input, output)).toBe('affirmed  "chest pain"  in "Mother denies chest pain."');
  });

  it('prints an error result as one error line', () => {
    expect(formatContextText('nope', '{"error":"input is not valid JSON"}')).toBe('error: input is not valid JSON');
  });
});
