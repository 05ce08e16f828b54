import type { ComponentProps } from 'react';

/**
 * A Markdown table in a chapter: inside a box that scrolls sideways on a narrow screen, which the
 * keyboard can reach (tab to it, then the arrow keys) and a screen reader names.
 */
export function ScrollTable(props: ComponentProps<'table'>) {
  return (
    <div className="table-box" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
      <table {...props} />
    </div>
  );
}
