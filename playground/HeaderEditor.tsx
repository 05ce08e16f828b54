// The editable request-header table, with presets.
import { newRow, removeRow, setHeader, updateRow, type HeaderRow } from './header-rows';
import { HEADER_PRESETS } from './presets';

export function HeaderEditor({ rows, onChange }: { rows: HeaderRow[]; onChange: (rows: HeaderRow[]) => void }) {
  return (
    <fieldset className="header-editor">
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
                  <button type="button" aria-label={`Remove header ${row.name}`} onClick={() => onChange(removeRow(rows, row.id))}>
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
        <button type="button" onClick={() => onChange([...rows, newRow()])}>
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
