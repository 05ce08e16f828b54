// Change the stage's files from the page: touch (new mtime, same bytes), edit (PUT), reset.
import { useEffect, useId, useRef, useState } from 'react';
import { api, ApiError, unreachableMessage, type StageFile } from '../client/api';
import { ServerError } from './ServerError';
import { stageUrl } from './send';
import { StageFilesStatus } from './StageFilesStatus';
import { useStageFiles } from '../client/use-stage-files';

const TEXT_FILE = /\.(html?|css|js|mjs|json|txt|svg|xml|md)$/i;

export function Experiments({ stage }: { stage: string }) {
  const stageFiles = useStageFiles(stage);
  const { files, reload } = stageFiles;
  const fileSelect = useRef<HTMLSelectElement>(null);
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const ids = { file: useId(), text: useId() };

  useEffect(() => {
    if (!files.some((f) => f.name === name)) setName(files[0]?.name ?? '');
  }, [files, name]);

  async function run(action: () => Promise<string>) {
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      setMessage(await action());
      void reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), false));
    } finally {
      setBusy(false);
    }
  }

  const describe = (f: StageFile) => `${f.name}: ${f.size} bytes, modified ${new Date(f.mtime).toLocaleString()}`;
  const isText = TEXT_FILE.test(name);

  return (
    <fieldset className="experiments" disabled={busy}>
      <legend>Experiments on the {stage} stage’s files</legend>
      <StageFilesStatus stage={stage} state={stageFiles} onRecovered={() => fileSelect.current?.focus()} />
      <div className="button-row">
        <label htmlFor={ids.file}>File</label>
        <select id={ids.file} ref={fileSelect} value={name} onChange={(e) => setName(e.target.value)}>
          {files.map((f) => (
            <option key={f.name} value={f.name}>
              {f.name}
            </option>
          ))}
        </select>
        <button type="button" disabled={!name} onClick={() => void run(async () => `Touched ${describe(await api.touch(stage, name))}`)}>
          Touch a file
        </button>
        <button type="button" onClick={() => void run(async () => `Reset ${(await api.reset(stage)).length} files to the originals.`)}>
          Reset files
        </button>
      </div>
      {isText ? (
        <details className="edit-file">
          <summary>Edit {name}</summary>
          <label htmlFor={ids.text}>New content of {name}</label>
          <textarea id={ids.text} rows={8} value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} />
          <div className="button-row">
            <button
              type="button"
              onClick={() =>
                void run(async () => {
                  // This GET shows up in the request log like any other request.
                  const response = await fetch(stageUrl(stage, name), { cache: 'no-store' }).catch(() => {
                    throw new ApiError(unreachableMessage(location.origin), true);
                  });
                  if (!response.ok) throw new ApiError(`Could not load ${name}: ${response.status}`, false, response.status);
                  setText(await response.text());
                  return `Loaded the current ${name}.`;
                })
              }
            >
              Load current text
            </button>
            <button type="button" onClick={() => void run(async () => `Saved ${describe(await api.putFile(stage, name, text))}`)}>
              Save (PUT)
            </button>
          </div>
        </details>
      ) : null}
      <p aria-live="polite" className="experiment-result">
        {message}
      </p>
      {error ? error.unreachable ? <ServerError message={error.message} /> : <p role="alert" className="form-error">{error.message}</p> : null}
    </fieldset>
  );
}
