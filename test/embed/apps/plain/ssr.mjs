// A server-rendering host imports the element in Node: it must not throw.
const mod = await import('cdi-lint/cdi-editor');
const engine = await import('cdi-lint');
const found = engine.analyze('PMH: CHF.', { setting: 'inpatient' }).findings.map((f) => f.text);
console.log(JSON.stringify({ element: typeof mod.CdiEditor, findings: found }));
