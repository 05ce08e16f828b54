import { isCacheRequestHeader } from '../common/headers';

/** Header fields as a definition list; the caching-related ones highlighted. */
export function HeaderList({ headers, highlight = false }: { headers: readonly (readonly [string, string])[]; highlight?: boolean }) {
  if (headers.length === 0) return <p className="muted">(no headers)</p>;
  return (
    <dl className="header-list">
      {headers.map(([name, value], i) => (
        <div key={i} className={highlight && isCacheRequestHeader(name) ? 'cache-header' : undefined}>
          <dt>{name}:</dt> <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
