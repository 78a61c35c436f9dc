import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  useUnitAction,
  useUploadAttachments,
  type UnitAction,
  type UnitActionInput,
  type UnitWork,
} from '../../api/inbox';
import { AttachmentThumb } from '../AttachmentThumb';
import { ErrorMessage } from '../Status';

/** Actions taken at once, without a form. */
const immediate: readonly UnitAction[] = ['accept', 'co_accept'];

interface Props {
  /** The case as last read: its id and version (optimistic concurrency). */
  caseRef: { id: string; number: string; version: number };
  /** The unit's side of the case (GET /api/inbox item or GET /api/cases/{id} `work`). */
  work: UnitWork;
  /** Called after an action succeeded. */
  onDone?: (action: UnitAction) => void;
}

function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <small className="muted">{hint}</small>}
    </div>
  );
}

/**
 * 办理面板: the unit's lifecycle actions on one case — accept, record contact, return with a reason,
 * ask for an extension, co-handle, resolve with text and photos — offering only what the server says
 * the user's unit may do now (`work.myActions`). Used by the inbox and the case detail.
 */
export function CaseActions({ caseRef, work, onDone }: Props) {
  const { t } = useTranslation();
  const act = useUnitAction();
  const upload = useUploadAttachments();
  const [open, setOpen] = useState<UnitAction | null>(null);
  const [text, setText] = useState('');
  const [amount, setAmount] = useState(2);
  const [unit, setUnit] = useState<'workdays' | 'hours'>('workdays');
  const [photos, setPhotos] = useState<Array<{ id: string; fileName: string }>>([]);
  const [done, setDone] = useState<UnitAction | null>(null);

  const reset = () => {
    setOpen(null);
    setText('');
    setPhotos([]);
    act.reset();
    upload.reset();
  };

  const run = (input: UnitActionInput) =>
    act.mutate(input, {
      onSuccess: () => {
        reset();
        setDone(input.action);
        onDone?.(input.action);
      },
    });

  const base = { id: caseRef.id, version: caseRef.version };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = text.trim();
    switch (open) {
      case 'contact':
        return run({ ...base, action: 'contact', body: { note: value } });
      case 'return':
        return run({ ...base, action: 'return', body: { reason: value } });
      case 'resolve':
        return run({
          ...base,
          action: 'resolve',
          body: { result: value, attachmentIds: photos.map((p) => p.id) },
        });
      case 'co_submit':
        return run({ ...base, action: 'co_submit', body: { result: value } });
      case 'request_extension':
        return run({ ...base, action: 'request_extension', body: { amount, unit, reason: value } });
      case 'accept':
      case 'co_accept':
      case null:
        return;
    }
  };

  const onFiles = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    upload.mutate(
      { id: caseRef.id, files: [...files] },
      {
        onSuccess: (r) =>
          setPhotos((p) => [...p, ...r.attachments.map((a) => ({ id: a.id, fileName: a.fileName }))]),
      },
    );
  };

  const stale = act.error instanceof ApiError && act.error.code === 'stale_version';
  const textLabel: Partial<Record<UnitAction, string>> = {
    contact: t('caseActions.note'),
    return: t('caseActions.reason'),
    resolve: t('caseActions.result'),
    co_submit: t('caseActions.coResult'),
    request_extension: t('caseActions.extensionReason'),
  };

  return (
    <section className="case-actions" aria-labelledby={`actions-${caseRef.id}`} data-testid="case-actions">
      <h2 id={`actions-${caseRef.id}`}>{t('caseActions.title')}</h2>
      {work.waitingFor.length > 0 && (
        <p className="muted">{t('caseActions.waitingFor', { units: work.waitingFor.join('、') })}</p>
      )}
      {work.extensionPending && <p className="warn">{t('caseActions.extensionPending')}</p>}
      <p role="status" className="ok">
        {done ? t(`caseActions.done.${done}`) : ''}
      </p>
      {work.myActions.length === 0 ? (
        <p className="muted">{t('caseActions.none')}</p>
      ) : (
        <div className="row">
          {work.myActions.map((a) => (
            <button
              key={a}
              type="button"
              className={a === 'accept' || a === 'resolve' ? 'primary' : undefined}
              aria-expanded={immediate.includes(a) ? undefined : open === a}
              disabled={act.isPending}
              onClick={() => {
                setDone(null);
                if (a === 'accept' || a === 'co_accept') run({ ...base, action: a, body: {} });
                else {
                  reset();
                  setOpen(a);
                }
              }}
            >
              {t(`caseActions.button.${a}`)}
            </button>
          ))}
        </div>
      )}
      {open && (
        <form className="fields action-form" onSubmit={submit} data-testid={`form-${open}`}>
          {open === 'request_extension' && (
            <div className="row">
              <Field label={t('caseActions.amount')}>
                {(id) => (
                  <input
                    id={id}
                    type="number"
                    min={1}
                    max={60}
                    required
                    value={amount}
                    onChange={(e) => setAmount(Number(e.target.value))}
                  />
                )}
              </Field>
              <Field label={t('caseActions.unit')}>
                {(id) => (
                  <select
                    id={id}
                    value={unit}
                    onChange={(e) => setUnit(e.target.value as 'workdays' | 'hours')}
                  >
                    <option value="workdays">{t('caseActions.workdays')}</option>
                    <option value="hours">{t('caseActions.hours')}</option>
                  </select>
                )}
              </Field>
            </div>
          )}
          <Field
            label={textLabel[open] ?? ''}
            hint={open === 'return' ? t('caseActions.reasonHint') : undefined}
          >
            {(id) => (
              <textarea
                id={id}
                rows={3}
                required
                maxLength={open === 'resolve' || open === 'co_submit' ? 4000 : 1000}
                value={text}
                onChange={(e) => setText(e.target.value)}
                autoFocus
              />
            )}
          </Field>
          {open === 'resolve' && (
            <Field label={t('caseActions.photos')} hint={t('caseActions.photosHint')}>
              {(id) => (
                <>
                  <input
                    id={id}
                    type="file"
                    accept="image/*"
                    multiple
                    onChange={(e) => {
                      onFiles(e.target.files);
                      e.target.value = '';
                    }}
                  />
                  {upload.isPending && <span className="muted">{t('caseActions.uploading')}</span>}
                  {upload.isError && <ErrorMessage error={upload.error} />}
                  {photos.length > 0 && (
                    <ul className="thumbs" data-testid="photos">
                      {photos.map((p) => (
                        <li key={p.id}>
                          <AttachmentThumb id={p.id} fileName={p.fileName} />
                          <button
                            type="button"
                            className="link"
                            aria-label={t('caseActions.removePhoto', { name: p.fileName })}
                            onClick={() => setPhotos((list) => list.filter((x) => x.id !== p.id))}
                          >
                            ×
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              )}
            </Field>
          )}
          <div className="row">
            <button type="submit" className="primary" disabled={act.isPending || upload.isPending}>
              {act.isPending ? t('caseActions.working') : t('caseActions.submit')}
            </button>
            <button type="button" onClick={reset}>
              {t('caseActions.cancel')}
            </button>
          </div>
        </form>
      )}
      {act.isError &&
        (stale ? <p role="alert">{t('caseActions.stale')}</p> : <ErrorMessage error={act.error} />)}
    </section>
  );
}
