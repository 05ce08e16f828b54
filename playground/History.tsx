// The stage's recent exchanges (from the live log), newest first; click one to see it again.
import type { Exchange } from '../common/exchange';
import { statusKind } from './status';

const SHOWN = 20;

export function History({ exchanges, stage, onOpen }: { exchanges: Exchange[]; stage: string; onOpen: (ex: Exchange) => void }) {
  const recent = exchanges.slice(-SHOWN).reverse();
  return (
    <section className="history" aria-label={`History of the ${stage} stage`}>
      <h4>History ({stage})</h4>
      {recent.length === 0 ? (
        <p className="muted">No requests to this stage yet.</p>
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
