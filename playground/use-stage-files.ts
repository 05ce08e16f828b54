import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type StageFile } from './api';

/** The files a stage serves, from GET /api/stages/<stage>/files; `reload` after an experiment. */
export function useStageFiles(stage: string) {
  const [files, setFiles] = useState<StageFile[]>([]);
  const [error, setError] = useState<ApiError | undefined>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .stageFiles(stage)
      .then((list) => {
        if (!live) return;
        setFiles(Array.isArray(list) ? list : []);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof ApiError ? e : new ApiError(String(e), false));
      });
    return () => {
      live = false;
    };
  }, [stage, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { files, error, reload };
}
