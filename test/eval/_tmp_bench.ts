import { readFileSync } from 'node:fs';
import { analyze } from '../../src/analyze.js';
const notes = Object.values(JSON.parse(readFileSync('/tmp/9b-all.json', 'utf8'))) as string[];
analyze('warm up CHF');
const t0 = performance.now();
for (const n of notes.slice(0, 800)) analyze(n);
console.log('ms', (performance.now() - t0).toFixed(0));
