import type { ReactNode } from 'react';

/**
 * One titled box of the cockpit's grid. A `scrollable` one (lists that can outgrow the box: rankings,
 * topics, the feed) takes the keyboard focus, so it can be scrolled without a mouse (WCAG 2.1.1).
 */
export function Panel({
  id,
  title,
  note,
  scrollable,
  children,
}: {
  id: string;
  title: string;
  note?: ReactNode;
  scrollable?: boolean;
  children: ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby={`panel-${id}`} data-testid={`panel-${id}`}>
      <header className="panel-head">
        <h2 id={`panel-${id}`}>{title}</h2>
        {note && <span className="panel-note">{note}</span>}
      </header>
      <div
        className="panel-body"
        {...(scrollable ? { tabIndex: 0, role: 'group', 'aria-labelledby': `panel-${id}` } : {})}
      >
        {children}
      </div>
    </section>
  );
}
