import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CaseView } from '../api/models';
import { PriorityBadge, StatusBadge } from './Badges';
import { Deadline } from './Deadline';
import './WorkList.css';

/**
 * A work queue as a keyboard list (listbox): j/k or ↑/↓ move the selection, Enter opens the
 * selected case's detail, other keys go to `onKey` (a screen's own shortcuts). Each row shows the
 * case number (an option holds no link: a double click or Enter opens /cases/:number), the status, priority and the resolution deadline counting down, and
 * whatever the screen adds (`extra`).
 */
export function WorkList<T extends { case: CaseView }>({
  label,
  items,
  selected,
  onSelect,
  extra,
  onKey,
  testId,
}: {
  label: string;
  items: readonly T[];
  selected: string | null;
  onSelect: (item: T) => void;
  extra?: (item: T) => ReactNode;
  onKey?: (key: string, item: T) => boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const listRef = useRef<HTMLUListElement>(null);
  const index = items.findIndex((i) => i.case.id === selected);

  // Keep the selected row in view as the keyboard moves it.
  useEffect(() => {
    if (!selected) return;
    document.getElementById(`wl-${selected}`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.target !== listRef.current || e.ctrlKey || e.metaKey || e.altKey) return;
    const move = (delta: number) => {
      const next = items[Math.min(items.length - 1, Math.max(0, (index < 0 ? -1 : index) + delta))];
      if (next) onSelect(next);
      e.preventDefault();
    };
    if (e.key === 'j' || e.key === 'ArrowDown') return move(1);
    if (e.key === 'k' || e.key === 'ArrowUp') return move(-1);
    const current = items[index];
    if (!current) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      void navigate(`/cases/${current.case.number}`);
      return;
    }
    if (onKey?.(e.key, current)) e.preventDefault();
  };

  if (items.length === 0) return <p className="muted">{t('common.none')}</p>;
  return (
    <ul
      ref={listRef}
      className="worklist"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={selected ? `wl-${selected}` : undefined}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      {items.map((item) => {
        const c = item.case;
        return (
          <li
            key={c.id}
            id={`wl-${c.id}`}
            role="option"
            aria-selected={c.id === selected}
            onClick={() => onSelect(item)}
            onDoubleClick={() => void navigate(`/cases/${c.number}`)}
            data-number={c.number}
          >
            <div className="wl-head">
              <strong className="wl-number">{c.number}</strong> <StatusBadge status={c.status} />{' '}
              <PriorityBadge priority={c.priority} />
              <span className="wl-due">
                <Deadline due={c.resolveDueAt} doneAt={c.resolvedAt} overdue={c.resolveOverdue} />
              </span>
            </div>
            <div className="wl-summary">{c.title ?? c.description}</div>
            {extra && <div className="wl-extra">{extra(item)}</div>}
          </li>
        );
      })}
    </ul>
  );
}

/** Tabs over a screen's queues; the current one lives in the URL (?tab=). */
export function QueueTabs<K extends string>({
  label,
  tabs,
  current,
  onChange,
  names,
}: {
  label: string;
  tabs: readonly K[];
  current: K;
  onChange: (tab: K) => void;
  names: (tab: K) => string;
}) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.indexOf(current);
    const next =
      e.key === 'ArrowRight'
        ? tabs[(i + 1) % tabs.length]
        : e.key === 'ArrowLeft'
          ? tabs[(i - 1 + tabs.length) % tabs.length]
          : undefined;
    if (next) {
      e.preventDefault();
      onChange(next);
      document.getElementById(`tab-${next}`)?.focus();
    }
  };
  return (
    <div className="queue-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab}
          id={`tab-${tab}`}
          type="button"
          role="tab"
          aria-selected={tab === current}
          aria-controls="queue-panel"
          tabIndex={tab === current ? 0 : -1}
          onClick={() => onChange(tab)}
        >
          {names(tab)}
        </button>
      ))}
    </div>
  );
}
