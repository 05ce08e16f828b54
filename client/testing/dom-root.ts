// For component tests under happy-dom: a React root in a fresh <div>, and its removal.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface DomRoot {
  container: HTMLDivElement;
  root: Root;
  remove: () => void;
}

export function createDomRoot(): DomRoot {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  return {
    container,
    root,
    remove: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}
