import { useSyncExternalStore } from 'react';
import { getProgress, subscribeProgress, type Progress } from './progress';

/** The learner's progress, re-rendering when it changes (also from another tab). */
export function useProgress(): Progress {
  return useSyncExternalStore(subscribeProgress, getProgress, getProgress);
}
