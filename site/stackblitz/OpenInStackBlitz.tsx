// "Open in StackBlitz": the whole project, opened on this chapter, in a new tab. The files (about
// a megabyte of text) and the SDK load only when the button is pressed.
import { useState } from 'react';
import type { Chapter } from '../chapter-list';
import { stackblitzProject } from './stackblitz-project';

export function OpenInStackBlitz({ chapter }: { chapter: Chapter }) {
  const [state, setState] = useState<'idle' | 'loading' | { failed: string }>('idle');

  async function open() {
    setState('loading');
    try {
      const [{ default: sdk }, { files }] = await Promise.all([import('@stackblitz/sdk'), import('virtual:project-files')]);
      const { project, options } = stackblitzProject(chapter, files);
      sdk.openProject(project, options);
      setState('idle');
    } catch (error) {
      setState({ failed: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div className="open-elsewhere">
      <button type="button" onClick={open} aria-disabled={state === 'loading'} disabled={state === 'loading'}>
        {state === 'loading' ? 'Preparing the project…' : 'Open in StackBlitz'}
      </button>{' '}
      <span className="muted small">the whole course and its server, in your browser (opens a new tab)</span>
      {typeof state === 'object' ? (
        <p role="alert" className="form-error">
          Could not open StackBlitz: {state.failed}
        </p>
      ) : null}
    </div>
  );
}
