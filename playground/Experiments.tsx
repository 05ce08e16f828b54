// Change the stage's files from the page: touch (new mtime, same bytes), rewrite with the same
// size and mtime (new bytes, the old mtime), edit (PUT), reset.
import { useEffect, useId, useRef, useState } from 'react';
import { api, ApiError, atBase, unreachableMessage, type StageFile } from '../client/api';
import { ServerError } from './ServerError';
import { stageUrl } from './send';
import { StageFilesStatus } from './StageFilesStatus';
import { useStageFiles } from '../client/use-stage-files';

/** Files that are not text: every other file can be edited (VERSION has no extension). */
const BINARY_FILE = /\.(png|jpe?g|gif|webp|avif|ico|bmp|woff2?|ttf|otf|pdf|zip|gz)$/i;

export function Experiments({ stage }: { stage: string }) {
  const stageFiles = useStageFiles(stage);
  const { files, reload } = stageFiles;
  const fileSelect = useRef<HTMLSelectElement>(null);
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  /** The file whose content is in the edit box (undefined until it is loaded). */
  const [loadedFor, setLoadedFor] = useState<string>();
  const [editing, setEditing] = useState(false);
  /** Save was pressed with an empty box: ask before emptying the file. */
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const emptyButton = useRef<HTMLButtonElement>(null);
  const textBox = useRef<HTMLTextAreaElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const ids = { file: useId(), text: useId() };

  useEffect(() => {
    // The current choice, not the one this render saw: a file picked meanwhile is kept.
    setName((current) => (files.some((f) => f.name === current) ? current : (files[0]?.name ?? '')));
  }, [files]);

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
  const isText = name !== '' && !BINARY_FILE.test(name);

  /** The file as the stage serves it now. Without the learner's cookie: this load is nobody's experiment. */
  async function currentText(file: string): Promise<string> {
    const response = await fetch(atBase(stageUrl(stage, file)), { cache: 'no-store', credentials: 'omit' }).catch(() => {
      throw new ApiError(unreachableMessage(location.origin), true);
    });
    if (!response.ok) throw new ApiError(`Could not load ${file}: ${response.status}`, false, response.status);
    return response.text();
  }

  async function load(file: string) {
    setConfirmEmpty(false);
    await run(async () => {
      setText(await currentText(file));
      setLoadedFor(file);
      return `Loaded the current ${file}.`;
    });
  }

  // The edit box starts from the file's content: loaded when it opens, and when another file is chosen.
  useEffect(() => {
    if (editing && isText && loadedFor !== name) void load(name);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing, name, isText]);

  async function save(allowEmpty: boolean) {
    if (text === '' && !allowEmpty) {
      setConfirmEmpty(true);
      requestAnimationFrame(() => emptyButton.current?.focus());
      return;
    }
    setConfirmEmpty(false);
    await run(async () => `Saved ${describe(await api.putFile(stage, name, text))}`);
  }

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
        {isText ? (
          <button
            type="button"
            onClick={() => void run(async () => `Rewrote ${describe(await api.rewriteSameMtime(stage, name))}: same size, new bytes, mtime set back`)}
          >
            Rewrite, same size, same mtime
          </button>
        ) : null}
        <button type="button" onClick={() => void run(async () => `Reset ${(await api.reset(stage)).length} files to the originals.`)}>
          Reset files
        </button>
      </div>
      {isText ? (
        <details className="edit-file" onToggle={(e) => setEditing(e.currentTarget.open)}>
          <summary>Edit {name}</summary>
          <label htmlFor={ids.text}>Content of {name}</label>
          <textarea
            id={ids.text}
            ref={textBox}
            rows={8}
            value={loadedFor === name ? text : ''}
            placeholder={loadedFor === name ? undefined : `Loading ${name}…`}
            readOnly={loadedFor !== name}
            spellCheck={false}
            onChange={(e) => {
              setText(e.target.value);
              setConfirmEmpty(false);
            }}
          />
          <div className="button-row">
            <button type="button" onClick={() => void load(name)}>
              Load current text
            </button>
            <button type="button" disabled={loadedFor !== name} onClick={() => void save(false)}>
              Save (PUT)
            </button>
          </div>
          {confirmEmpty ? (
            <div className="confirm-empty" role="alertdialog" aria-label={`Empty ${name}?`} data-testid="confirm-empty">
              <p>The box is empty: saving makes {name} an empty file (0 bytes). Is that what you want?</p>
              <div className="button-row">
                <button type="button" ref={emptyButton} onClick={() => void save(true)}>
                  Empty {name}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setConfirmEmpty(false);
                    textBox.current?.focus();
                  }}
                >
                  Keep editing
                </button>
              </div>
            </div>
          ) : null}
        </details>
      ) : null}
      <p aria-live="polite" className="experiment-result">
        {message}
      </p>
      {error ? error.unreachable ? <ServerError message={error.message} /> : <p role="alert" className="form-error">{error.message}</p> : null}
    </fieldset>
  );
}
