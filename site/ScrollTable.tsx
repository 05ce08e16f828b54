import { Children, isValidElement, type ComponentProps, type ReactNode } from 'react';

/**
 * A Markdown table in a chapter: inside a box that scrolls sideways on a narrow screen, which the
 * keyboard can reach (tab to it, then the arrow keys) and a screen reader names. The name comes
 * from the table's column headings, so two tables on one page are two distinct regions.
 */
export function ScrollTable(props: ComponentProps<'table'>) {
  const columns = firstRowText(props.children);
  const name = columns.length > 0 ? `Table: ${columns.join(', ')} (scrolls sideways)` : 'Table (scrolls sideways)';
  return (
    <div className="table-box" tabIndex={0} role="region" aria-label={name}>
      <table {...props} />
    </div>
  );
}

/** The text of each cell of the table's first row (its headings, in a Markdown table). */
export function firstRowText(children: ReactNode): string[] {
  const row = findFirst(children, 'tr');
  if (!row) return [];
  return Children.toArray(childrenOf(row)).filter(isValidElement).map((cell) => textOf(childrenOf(cell)).trim());
}

function childrenOf(node: ReactNode): ReactNode {
  return isValidElement(node) ? (node.props as { children?: ReactNode }).children : undefined;
}

function findFirst(node: ReactNode, type: string): ReactNode {
  for (const child of Children.toArray(node)) {
    if (!isValidElement(child)) continue;
    if (child.type === type) return child;
    const found = findFirst(childrenOf(child), type);
    if (found) return found;
  }
  return undefined;
}

function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  return isValidElement(node) ? textOf(childrenOf(node)) : '';
}
