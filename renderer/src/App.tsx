import { useCallback, useEffect, useRef, useState } from 'react';
import { hashOf, SCREENS, screenOfHash, type ScreenId } from './route.ts';
import { DataScreen } from './screens/DataScreen.tsx';
import { EvaluateScreen } from './screens/EvaluateScreen.tsx';
import { ImportScreen } from './screens/ImportScreen.tsx';
import { ModelsScreen } from './screens/ModelsScreen.tsx';
import { RiskScreen } from './screens/RiskScreen.tsx';
import { TrainScreen } from './screens/TrainScreen.tsx';

const TITLES: Record<ScreenId, string> = Object.fromEntries(SCREENS.map((s) => [s.id, s.label])) as Record<ScreenId, string>;

/** The app frame: NHS-style header, screen navigation (links, so history and keyboard work as on any site), the current screen. */
export function App() {
  const [screen, setScreen] = useState<ScreenId>(() => screenOfHash(window.location.hash) ?? 'data');
  const [dataset, setDataset] = useState<string | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const main = useRef<HTMLElement>(null);
  const moved = useRef(false);
  const onDataset = useCallback((name: string | null) => setDataset(name), []);
  const onRun = useCallback((id: string | null) => setRunId(id), []);

  useEffect(() => {
    const follow = () => {
      const next = screenOfHash(window.location.hash);
      if (next) setScreen(next);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  // After a change of screen, focus moves to the new content (not on first load) and the title follows.
  useEffect(() => {
    document.title = `${TITLES[screen]} – Attend`;
    if (moved.current) main.current?.focus();
    moved.current = true;
  }, [screen]);

  const go = useCallback((id: ScreenId) => {
    if (window.location.hash !== hashOf(id)) window.location.hash = hashOf(id);
    setScreen(id);
  }, []);
  const evaluate = useCallback(
    (id: string) => {
      setRunId(id);
      go('evaluate');
    },
    [go],
  );

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <div className="container header-inner">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              A
            </span>
            <span>
              <span className="brand-name">Attend</span>
              <span className="brand-tag">Missed outpatient appointments, predicted on this computer</span>
            </span>
          </div>
          <nav aria-label="Screens">
            <ul className="nav">
              {SCREENS.map((s) => (
                <li key={s.id}>
                  <a className="nav-item" href={hashOf(s.id)} aria-current={screen === s.id ? 'page' : undefined}>
                    {s.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" ref={main} className="container" tabIndex={-1} aria-label={TITLES[screen]}>
        {screen === 'data' && <DataScreen dataset={dataset} onDataset={onDataset} refreshKey={refreshKey} onImport={() => go('import')} />}
        {screen === 'import' && (
          <ImportScreen
            onImported={(name) => {
              setDataset(name);
              setRefreshKey((k) => k + 1);
              go('data');
            }}
          />
        )}
        {screen === 'train' && <TrainScreen dataset={dataset} onDataset={onDataset} onEvaluate={evaluate} />}
        {screen === 'evaluate' && <EvaluateScreen dataset={dataset} onDataset={onDataset} runId={runId} onRun={onRun} />}
        {screen === 'risk' && <RiskScreen dataset={dataset} onDataset={onDataset} runId={runId} onRun={onRun} />}
        {screen === 'models' && <ModelsScreen dataset={dataset} onDataset={onDataset} />}
      </main>
      <footer className="app-footer">
        <div className="container">All data stays on this computer. Counts under 10 are shown as &lt;10.</div>
      </footer>
    </>
  );
}
