// The learner's own recent sends to the stage (from the live log), newest first; click one to see it
// again. The demo frame's loads and other people's requests are in the request log, not here.
import type { Exchange } from '../common/exchange';
import { statusKind } from './status';

const SHOWN = 20;

export function History({ exchanges, stage, onOpen }: { exchanges: Exchange[]; stage: string; onOpen: (ex: Exchange) => void }) {
  const recent = exchanges.slice(-SHOWN).reverse();
  return (
    <section className="history" aria-label={`Your requests to the ${stage} stage`}>
      <h3>Your history ({stage})</h3>
      {recent.length === 0 ? (
        <p className="muted">You have sent no requests to this stage yet.</p>
      ) : (
        <ol>
          {recent.map((ex) => (
            <li key={ex.id}>
              <button type="button" onClick={() => onOpen(ex)}>
                <span className={`status status-${statusKind(ex.status)}`}>{ex.status}</span> {ex.method} {ex.path}{' '}
                <span className="muted">{new Date(ex.time).toLocaleTimeString()}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
