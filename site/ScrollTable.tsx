import type { ComponentProps } from 'react';

/**
 * A Markdown table in a chapter: inside a box that scrolls sideways on a narrow screen, which the
 * keyboard can reach (tab to it, then the arrow keys) and a screen reader names. The name is
 * made from the table's column headings once it is on the page, so two tables on one page are
 * two distinct regions.
 */
export function ScrollTable(props: ComponentProps<'table'>) {
  return (
    <div className="table-box" tabIndex={0} role="region" aria-label="Table (scrolls sideways)" ref={nameByHeadings}>
      <table {...props} />
    </div>
  );
}

/** "Table: payload, status (scrolls sideways)", from the cells of the table's first row. */
export function nameByHeadings(box: HTMLElement | null): void {
  const cells = box?.querySelector('tr')?.children;
  if (!box || !cells?.length) return;
  box.setAttribute('aria-label', `Table: ${[...cells].map((cell) => cell.textContent!.trim()).join(', ')} (scrolls sideways)`);
}
