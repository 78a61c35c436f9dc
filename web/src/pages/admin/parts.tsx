import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitSearch, type Unit } from '../../api/admin/org';
import { useDebounced } from '../../components/useDebounced';

/** A destructive action in two steps (no browser dialog): the button, then 确认 / 取消. */
export function ConfirmButton({
  label,
  confirmLabel,
  onConfirm,
  disabled,
}: {
  label: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)} disabled={disabled}>
        {label}
      </button>
    );
  }
  return (
    <span className="row confirm" role="group" aria-label={label}>
      <button
        type="button"
        className="danger"
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('admin.cancel')}
      </button>
    </span>
  );
}

/** A key or secret the server shows only once: copy it now, then dismiss. */
export function ShownOnce({ title, value, onDone }: { title: string; value: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="card once" role="alert" data-testid="shown-once">
      <strong>{title}</strong>
      <p className="muted">{t('admin.onceHint')}</p>
      <code className="secret" data-testid="secret-value">
        {value}
      </code>
      <div className="row">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard?.writeText(value).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('admin.copied') : t('admin.copy')}
        </button>
        <button type="button" className="primary" onClick={onDone}>
          {t('admin.savedIt')}
        </button>
      </div>
    </div>
  );
}

/** A labelled field: the label above its control. */
export function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

/** A unit as a picker holds it: what it shows and the code it is known by (an article has no more). */
export type UnitChoice = Pick<Unit, 'code' | 'name'>;

/**
 * Picks an org unit by searching its name or code. `optional` adds a choice to clear it (no unit):
 * without it, a unit once chosen can only be replaced. `noneLabel` names what no unit means where
 * it means something (全区 for a dispatch rule's area).
 */
export function UnitPicker({
  label,
  value,
  onChange,
  kinds,
  optional,
  noneLabel,
}: {
  label: string;
  value: UnitChoice | null;
  onChange: (unit: Unit | null) => void;
  kinds?: readonly string[];
  optional?: boolean;
  noneLabel?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const found = useUnitSearch(q);
  const options = (found.data ?? []).filter((u) => u.active && (!kinds || kinds.includes(u.kind)));
  const searchId = useId();
  const selectId = useId();
  return (
    <fieldset className="unit-picker">
      <legend>{label}</legend>
      <label htmlFor={searchId} className="sr-only">
        {t('admin.unitSearch')}
      </label>
      <input
        id={searchId}
        type="search"
        placeholder={t('admin.unitSearch')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <label htmlFor={selectId} className="sr-only">
        {label}
      </label>
      {/* The first option shows the unit chosen (it is not among the others), so the value stays "". */}
      <select
        id={selectId}
        value=""
        onChange={(e) => {
          const picked = options.find((u) => String(u.id) === e.target.value);
          if (e.target.value === CLEAR) onChange(null);
          else if (picked) onChange(picked);
        }}
      >
        <option value="">
          {value ? `${value.name}（${value.code}）` : (noneLabel ?? t('admin.unitNone'))}
        </option>
        {optional && value && <option value={CLEAR}>{noneLabel ?? t('admin.unitClear')}</option>}
        {options
          .filter((u) => u.code !== value?.code)
          .map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}（{t(`admin.kind.${u.kind}`)} {u.code}）
            </option>
          ))}
      </select>
    </fieldset>
  );
}

/** The select's value for "no unit" (the others are unit ids). */
const CLEAR = 'none';
