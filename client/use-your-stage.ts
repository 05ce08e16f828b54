// Whether this server has "your server" for a stage (the workshop's yours-<stage>, only in
// `npm run dev`): asked once per page, from GET /api/stages.
import { useEffect, useState } from 'react';
import { yourStage } from '../common/your-stage';
import { api } from './api';

let served: Promise<string[]> | undefined;

/** `yours-<stage>` when the server serves it, else undefined (also while asking, or on failure). */
export function useYourStage(stage: string): string | undefined {
  const [slugs, setSlugs] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    served ??= api
      .stages()
      .then((list) => (Array.isArray(list) ? list.map((s) => s.slug) : []))
      .catch(() => {
        served = undefined; // ask again next time
        return [];
      });
    void served.then((list) => live && setSlugs(list));
    return () => {
      live = false;
    };
  }, []);
  return slugs.includes(yourStage(stage)) ? yourStage(stage) : undefined;
}
