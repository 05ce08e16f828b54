import { isCacheRequestHeader } from '../common/headers';

/**
 * Header fields as a definition list; the caching-related ones highlighted. `marks`: a word to
 * show beside a field (by lower-case name), e.g. compare mode's "differs".
 */
export function HeaderList({
  headers,
  highlight = false,
  marks,
}: {
  headers: readonly (readonly [string, string])[];
  highlight?: boolean;
  marks?: ReadonlyMap<string, string>;
}) {
  if (headers.length === 0) return <p className="muted">(no headers)</p>;
  return (
    <dl className="header-list">
      {headers.map(([name, value], i) => (
        <div key={i} className={classes(highlight && isCacheRequestHeader(name) && 'cache-header', marks?.has(name.toLowerCase()) && 'marked')}>
          <dt>{name}:</dt>{' '}
          <dd>
            {value}
            {marks?.has(name.toLowerCase()) ? (
              <>
                {' '}
                <span className="diff-mark">{marks.get(name.toLowerCase())}</span>
              </>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function classes(...names: (string | false | undefined)[]): string | undefined {
  const list = names.filter(Boolean).join(' ');
  return list || undefined;
}
