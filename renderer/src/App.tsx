import { useCallback, useState } from 'react';
import { DataScreen } from './screens/DataScreen.tsx';
import { ImportScreen } from './screens/ImportScreen.tsx';

const SCREENS = [
  { id: 'data', label: 'Data' },
  { id: 'import', label: 'Import' },
] as const;
type ScreenId = (typeof SCREENS)[number]['id'];

/** The app frame: NHS-style header, screen navigation, the current screen. */
export function App() {
  const [screen, setScreen] = useState<ScreenId>('data');
  const [dataset, setDataset] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const onDataset = useCallback((name: string | null) => setDataset(name), []);

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
                  <button type="button" className="nav-item" aria-current={screen === s.id ? 'page' : undefined} onClick={() => setScreen(s.id)}>
                    {s.label}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="container" tabIndex={-1}>
        {screen === 'data' ? (
          <DataScreen dataset={dataset} onDataset={onDataset} refreshKey={refreshKey} onImport={() => setScreen('import')} />
        ) : (
          <ImportScreen
            onImported={(name) => {
              setDataset(name);
              setRefreshKey((k) => k + 1);
              setScreen('data');
            }}
          />
        )}
      </main>
      <footer className="app-footer">
        <div className="container">All data stays on this computer. Counts under 10 are shown as &lt;10.</div>
      </footer>
    </>
  );
}
