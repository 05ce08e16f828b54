// The editable request-header table, with presets.
import { useId, useLayoutEffect, useRef } from 'react';
import { newRow, removeRow, rowProblem, setHeader, updateRow, type HeaderRow } from './header-rows';
import { HEADER_PRESETS } from './presets';

export function HeaderEditor({ rows, onChange }: { rows: HeaderRow[]; onChange: (rows: HeaderRow[]) => void }) {
  const box = useRef<HTMLFieldSetElement>(null);
  const problemId = useId();
  /** Where the focus goes once a removed row is gone: the ✕ of the row in its place, or Add header. */
  const focusNext = useRef<string>(undefined);
  useLayoutEffect(() => {
    const target = focusNext.current;
    if (target === undefined) return;
    focusNext.current = undefined;
    box.current?.querySelector<HTMLElement>(`[data-focus-key="${target}"]`)?.focus();
  }, [rows]);

  function remove(id: string) {
    const index = rows.findIndex((r) => r.id === id);
    const next = rows[index + 1] ?? rows[index - 1];
    focusNext.current = next ? `remove-${next.id}` : 'add';
    onChange(removeRow(rows, id));
  }

  return (
    <fieldset className="header-editor" ref={box}>
      <legend>Request headers</legend>
      {rows.length > 0 ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Send</th>
                <th scope="col">Name</th>
                <th scope="col">Value</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <Row
                  key={row.id}
                  row={row}
                  problemId={`${problemId}-${row.id}`}
                  onChange={(change) => onChange(updateRow(rows, row.id, change))}
                  onRemove={() => remove(row.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {rows.length === 0 ? <p className="muted">No headers of your own: the browser still adds some (see “What the server received”).</p> : null}
      <div className="button-row">
        <button type="button" data-focus-key="add" onClick={() => onChange([...rows, newRow()])}>
          Add header
        </button>
        {HEADER_PRESETS.map((preset) => (
          <button
            type="button"
            key={preset.label}
            className="preset"
            onClick={() => onChange(setHeader(rows, preset.name, preset.value(new Date())))}
          >
            {preset.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/** One header: its row, then, when it will not be sent as written, a row saying why (beside it). */
function Row(props: {
  row: HeaderRow;
  problemId: string;
  onChange: (change: Partial<Omit<HeaderRow, 'id'>>) => void;
  onRemove: () => void;
}) {
  const { row, problemId, onChange, onRemove } = props;
  const problem = rowProblem(row);
  return (
    <>
      <tr data-testid="header-row" className={row.enabled ? undefined : 'disabled'}>
        <td>
          <input
            type="checkbox"
            aria-label="Send this header"
            checked={row.enabled}
            onChange={(e) => onChange({ enabled: e.target.checked })}
          />
        </td>
        <td>
          <input
            aria-label="Header name"
            aria-describedby={problem ? problemId : undefined}
            aria-invalid={problem ? true : undefined}
            value={row.name}
            spellCheck={false}
            onChange={(e) => onChange({ name: e.target.value })}
          />
        </td>
        <td>
          <input
            aria-label="Header value"
            value={row.value}
            spellCheck={false}
            onChange={(e) => onChange({ value: e.target.value })}
          />
        </td>
        <td>
          <button type="button" aria-label={`Remove header ${row.name}`} data-focus-key={`remove-${row.id}`} onClick={onRemove}>
            ✕
          </button>
        </td>
      </tr>
      {problem ? (
        <tr>
          <td />
          <td colSpan={3}>
            <p className="row-problem" id={problemId} data-testid="row-problem">
              {problem}
            </p>
          </td>
        </tr>
      ) : null}
    </>
  );
}
