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

/** Picks an org unit by searching its name or code. */
export function UnitPicker({
  label,
  value,
  onChange,
  kinds,
}: {
  label: string;
  value: Unit | null;
  onChange: (unit: Unit | null) => void;
  kinds?: readonly string[];
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
      <select
        id={selectId}
        value={value?.id ?? ''}
        onChange={(e) => onChange(options.find((u) => u.id === Number(e.target.value)) ?? value)}
      >
        <option value="">{value ? `${value.name}（${value.code}）` : t('admin.unitNone')}</option>
        {options
          .filter((u) => u.id !== value?.id)
          .map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}（{t(`admin.kind.${u.kind}`)} {u.code}）
            </option>
          ))}
      </select>
    </fieldset>
  );
}
