// React 19 + TypeScript: the wrapper from cdi-lint/react, `value` controlled, under StrictMode.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CdiEditor } from 'cdi-lint/react';
import type { Finding } from 'cdi-lint';

export const NOTE = 'Assessment: CKD, hypertension.';

interface AppLog {
  findings: number;
  changes: number;
  answers: number;
  statuses: string[];
  value: string;
}
const log: AppLog = { findings: 0, changes: 0, answers: 0, statuses: [], value: NOTE };
(window as unknown as { __app: AppLog }).__app = log;

function App() {
  const [note, setNote] = useState(NOTE);
  const [findings, setFindings] = useState<readonly Finding[]>([]);
  log.value = note;
  return (
    <main>
      <CdiEditor
        id="editor"
        value={note}
        setting="inpatient"
        onCdiChange={(e) => {
          log.changes++;
          setNote(e.detail.value);
        }}
        onCdiFindings={(e) => {
          log.findings++;
          setFindings(e.detail.findings);
        }}
        onCdiAnswer={() => {
          log.answers++;
        }}
        onCdiStatus={(e) => {
          log.statuses.push(e.detail.status);
        }}
      />
      <p id="count">{findings.map((f) => f.text).join(', ')}</p>
    </main>
  );
}

/** The element used directly in JSX, with React 19's event prop names: typechecked, not rendered. */
export function Direct({ onCount }: { onCount: (n: number) => void }) {
  return <cdi-editor value="PMH: CHF." setting="outpatient" oncdi-findings={(e) => onCount(e.detail.findings.length)} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
