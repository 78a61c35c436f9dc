import type { ReactNode } from 'react';

/** One titled box of the cockpit's grid. */
export function Panel({
  id,
  title,
  note,
  children,
}: {
  id: string;
  title: string;
  note?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby={`panel-${id}`} data-testid={`panel-${id}`}>
      <header className="panel-head">
        <h2 id={`panel-${id}`}>{title}</h2>
        {note && <span className="panel-note">{note}</span>}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
