/** The bundled demo sessions, each one click away: what a newcomer can try with no token or network. */
import { DEMO_SESSIONS } from '../../../shared/demo/catalog';
import { useAppStore } from '../store/app-store';
import { fetchDemoSession } from '../store/actions';

export function DemoSessions({ heading }: { heading: string }) {
  const hasDemo = useAppStore((s) => s.profiles.some((p) => p.demo));
  if (!hasDemo) return null;
  return (
    <div className="demo-sessions" data-testid="demo-sessions">
      <p className="demo-sessions__heading">{heading}</p>
      <ul>
        {DEMO_SESSIONS.map((s) => (
          <li key={s.id}>
            <button type="button" className="link-button" onClick={() => void fetchDemoSession(s.id)}>
              <code>{s.id}</code>
            </button>{' '}
            <span className="muted">{s.title}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
