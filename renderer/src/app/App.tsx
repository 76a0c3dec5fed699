import { useEffect } from 'react';
import { DemoSessions } from './DemoSessions';
import { ErrorBanner } from './ErrorBanner';
import { SessionView } from './SessionView';
import { StatusLine } from './StatusLine';
import { useFileDrop } from './use-file-drop';
import { useShortcuts } from './use-shortcuts';
import { TopBar } from '../features/topbar/TopBar';
import { RecentList } from '../features/recent/RecentList';
import { loadTimelineChart } from '../features/timeline/TimelinePanel';
import { SearchView } from '../features/search/SearchView';
import { useSearchStore } from '../features/search/search-store';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { TokenDialog } from '../features/settings/TokenDialog';
import { useAppStore } from '../store/app-store';
import { initialize, openFileDialog } from '../store/actions';
import './app.css';

function EmptyState() {
  return (
    <div className="empty-state">
      <section className="empty-state__intro" aria-labelledby="start-heading">
        <h1 id="start-heading">Inspect a charging session</h1>
        <ol>
          <li>Pick a profile (the Demo profile works offline).</li>
          <li>
            Type or paste a session id or URL, then press <kbd>Enter</kbd>.
          </li>
          <li>
            Or open an exported file (<kbd>Ctrl/Cmd</kbd>+<kbd>O</kbd>), or drop it on this window.
          </li>
        </ol>
        <button type="button" className="button" onClick={() => void openFileDialog()}>
          Open file…
        </button>
        <DemoSessions heading="Demo sessions to try (Demo profile, offline):" />
      </section>
      <RecentList />
    </div>
  );
}

export function App() {
  const loaded = useAppStore((s) => s.loaded);
  const dialog = useAppStore((s) => s.dialog);
  const bridgeMissing = useAppStore((s) => s.bridgeMissing);
  const searching = useSearchStore((s) => s.open);
  const dragging = useFileDrop();
  useShortcuts();
  useEffect(() => {
    void initialize();
    // Fetch the chart's code during idle time, not after the first session arrives.
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    idle(() => void loadTimelineChart());
  }, []);

  return (
    <div className="app">
      <TopBar />
      {/* While a dialog is open its own banner shows errors above the backdrop. */}
      {!dialog && <ErrorBanner />}
      <StatusLine />
      <main className="app__main" aria-label={loaded ? 'Session' : 'Start'}>
        {bridgeMissing ? (
          <p className="error-banner" role="alert">
            This page has no connection to the app (window.inspector is missing). Start it with npm start, or
            npm run preview:web for the browser harness.
          </p>
        ) : searching ? (
          <SearchView />
        ) : loaded ? (
          <SessionView key={loaded.key} loaded={loaded} />
        ) : (
          <EmptyState />
        )}
      </main>
      {dialog?.kind === 'settings' && <SettingsDialog />}
      {dialog?.kind === 'token' && (
        <TokenDialog profileId={dialog.profileId} memoryOnly={dialog.memoryOnly} />
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a session or an exported file to open it
        </div>
      )}
    </div>
  );
}
