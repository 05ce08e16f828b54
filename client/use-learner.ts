import { useSyncExternalStore } from 'react';
import { learnerId, subscribeLearner } from './learner';

/** This browser's learner id, re-rendering when "Reset progress" renews it (also in another tab). */
export function useLearnerId(): string {
  return useSyncExternalStore(subscribeLearner, learnerId, learnerId);
}
