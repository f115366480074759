// Baseline for the size comparison: the same app with a controlled textarea.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [note, setNote] = useState('Assessment: CKD, hypertension.');
  return (
    <main>
      <textarea value={note} onChange={(e) => setNote(e.target.value)} />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
