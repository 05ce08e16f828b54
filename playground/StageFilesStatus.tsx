// What the page says when a stage's file list is not simply there: it could not be loaded (with
// the reason and "Try again"), or it loaded and is empty.
import { useId } from 'react';
import type { StageFiles } from '../client/use-stage-files';

export function StageFilesStatus({
  stage,
  state,
  consequence,
  onRecovered,
}: {
  stage: string;
  state: StageFiles;
  /** What the missing list means where it is shown, e.g. "so the path field has no suggestions". */
  consequence?: string;
  /** Called when "Try again" brought the list back (the button is then gone: move the focus). */
  onRecovered?: () => void;
}) {
  const id = useId();
  if (state.error) {
    const retrying = state.loading;
    return (
      <div className="files-problem" data-testid="files-error">
        {/* The text changes while trying again, so a failed retry is announced again. */}
        <p role="alert" className="form-error" id={id}>
          {retrying
            ? `Loading the files of the ${stage} stage again…`
            : `Could not load the files of the ${stage} stage${consequence ? `, ${consequence}` : ''}. ${state.error.message}`}
        </p>
        <button
          type="button"
          aria-describedby={id}
          aria-disabled={retrying || undefined}
          onClick={async () => {
            if (retrying) return;
            if (await state.reload()) onRecovered?.();
          }}
        >
          Try again
        </button>
      </div>
    );
  }
  if (state.loaded && state.files.length === 0) {
    return (
      <p className="muted small" data-testid="files-empty">
        This stage serves no files.
      </p>
    );
  }
  return null;
}
