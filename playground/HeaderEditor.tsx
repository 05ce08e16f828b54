// The editable request-header table, with presets.
import { useLayoutEffect, useRef } from 'react';
import { newRow, removeRow, setHeader, updateRow, type HeaderRow } from './header-rows';
import { HEADER_PRESETS } from './presets';

export function HeaderEditor({ rows, onChange }: { rows: HeaderRow[]; onChange: (rows: HeaderRow[]) => void }) {
  const box = useRef<HTMLFieldSetElement>(null);
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
              <tr key={row.id} data-testid="header-row" className={row.enabled ? undefined : 'disabled'}>
                <td>
                  <input
                    type="checkbox"
                    aria-label="Send this header"
                    checked={row.enabled}
                    onChange={(e) => onChange(updateRow(rows, row.id, { enabled: e.target.checked }))}
                  />
                </td>
                <td>
                  <input
                    aria-label="Header name"
                    value={row.name}
                    spellCheck={false}
                    onChange={(e) => onChange(updateRow(rows, row.id, { name: e.target.value }))}
                  />
                </td>
                <td>
                  <input
                    aria-label="Header value"
                    value={row.value}
                    spellCheck={false}
                    onChange={(e) => onChange(updateRow(rows, row.id, { value: e.target.value }))}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={`Remove header ${row.name}`}
                    data-focus-key={`remove-${row.id}`}
                    onClick={() => remove(row.id)}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
