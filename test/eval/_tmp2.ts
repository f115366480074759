import { analyze } from '../../src/analyze.js';
for (const t of process.argv.slice(2)) {
  const a = analyze(t);
  console.log(JSON.stringify(t));
  for (const f of a.findings) console.log('  F', f.kind, f.rule, JSON.stringify(f.text), f.axes, JSON.stringify(f.documented), f.codes.current?.code, f.codes.candidates.map(c=>c.code).join(','));
  for (const m of a.mentions) console.log('  M', m.family, JSON.stringify(m.text), JSON.stringify(m.values), m.current);
}
