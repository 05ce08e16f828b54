import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, type StageFile } from './api';

export interface StageFiles {
  files: StageFile[];
  /** Why the last load failed; cleared by the next load that succeeds. */
  error?: ApiError;
  /** A load is under way (the first one, or a reload). */
  loading: boolean;
  /** A list came back for this stage, so an empty `files` really means no files. */
  loaded: boolean;
  /** Loads the list again (after an experiment, or "Try again"); true when it came back. */
  reload: () => Promise<boolean>;
}

/** The files a stage serves, from GET /api/stages/<stage>/files. */
export function useStageFiles(stage: string): StageFiles {
  const [files, setFiles] = useState<StageFile[]>([]);
  const [error, setError] = useState<ApiError | undefined>();
  const [loading, setLoading] = useState(true);
  const [loaded, setLoaded] = useState(false);
  /** Only the newest load may set the state: an older answer (or one for another stage) is dropped. */
  const latest = useRef(0);

  const reload = useCallback(async (): Promise<boolean> => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const list = await api.stageFiles(stage);
      if (ticket !== latest.current) return false;
      setFiles(Array.isArray(list) ? list : []);
      setError(undefined);
      setLoaded(true);
      return true;
    } catch (e) {
      if (ticket === latest.current) setError(e instanceof ApiError ? e : new ApiError(String(e), false));
      return false;
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [stage]);

  useEffect(() => {
    // Another stage: forget the previous one's list rather than show it as this one's.
    setFiles([]);
    setError(undefined);
    setLoaded(false);
    void reload();
    return () => {
      latest.current++;
    };
  }, [reload]);

  return { files, error, loading, loaded, reload };
}
