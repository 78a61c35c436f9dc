import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRateCase, useReopenCase, type Proof, type TrackingView } from '../../api/portal';
import { PortalError } from './PortalError';

const satisfactions = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
type Satisfaction = (typeof satisfactions)[number];

interface Props {
  number: string;
  proof: Proof;
  onDone: (view: TrackingView) => void;
}

/** 评价: solved or not and the satisfaction the callback desk records, with an optional comment. */
export function RateForm({ number, proof, onDone }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const rate = useRateCase();
  const [solved, setSolved] = useState<boolean | null>(null);
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);

  const send = (e: FormEvent) => {
    e.preventDefault();
    if (solved === null || satisfaction === null) {
      setMissing(true);
      return;
    }
    setMissing(false);
    rate.mutate(
      {
        number,
        proof,
        rating: { solved, satisfaction, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form
      className="portal-card portal-form"
      onSubmit={send}
      noValidate
      aria-labelledby={`${ids}-h`}
      data-testid="rate-form"
    >
      <h2 id={`${ids}-h`}>{t('portal.rate.heading')}</h2>
      <p className="portal-hint">{t('portal.rate.intro')}</p>
      <fieldset className="portal-choices">
        <legend>{t('portal.rate.solved')}</legend>
        {[true, false].map((v) => (
          <label key={String(v)} className="portal-choice">
            <input type="radio" name={`${ids}-solved`} checked={solved === v} onChange={() => setSolved(v)} />
            <span>{v ? t('portal.rate.solvedYes') : t('portal.rate.solvedNo')}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="portal-choices stack">
        <legend>{t('portal.rate.satisfaction')}</legend>
        {satisfactions.map((s) => (
          <label key={s} className="portal-choice">
            <input
              type="radio"
              name={`${ids}-satisfaction`}
              checked={satisfaction === s}
              onChange={() => setSatisfaction(s)}
            />
            <span>{t(`portal.rate.${s}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="portal-field">
        <label htmlFor={`${ids}-comment`}>{t('portal.rate.comment')}</label>
        <textarea
          id={`${ids}-comment`}
          rows={3}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      {missing && (solved === null || satisfaction === null) && (
        <p className="portal-invalid" role="alert">
          {t('portal.rate.pick')}
        </p>
      )}
      {rate.error && <PortalError error={rate.error} locking />}
      <button type="submit" className="portal-button primary wide" disabled={rate.isPending}>
        {rate.isPending ? t('portal.rate.submitting') : t('portal.rate.submit')}
      </button>
    </form>
  );
}

/** 申请重办: after an unhappy rating, within the window, with the reason. */
export function ReopenForm({ number, proof, onDone, until }: Props & { until: string | null }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const reopen = useReopenCase();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  const send = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    reopen.mutate({ number, proof, reason: reason.trim() }, { onSuccess: onDone });
  };

  return (
    <form
      className="portal-card portal-form"
      onSubmit={send}
      noValidate
      aria-labelledby={`${ids}-h`}
      data-testid="reopen-form"
    >
      <h2 id={`${ids}-h`}>{t('portal.reopen.heading')}</h2>
      <p className="portal-hint">{t('portal.reopen.intro')}</p>
      {until && (
        <p className="portal-hint">
          {t('portal.view.reopenUntil', {
            until: new Date(until).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
          })}
        </p>
      )}
      <div className="portal-field">
        <label htmlFor={`${ids}-reason`}>
          {t('portal.reopen.reason')}{' '}
          <span className="portal-required">（{t('portal.report.required')}）</span>
        </label>
        <textarea
          id={`${ids}-reason`}
          rows={4}
          maxLength={1000}
          required
          value={reason}
          aria-invalid={missing}
          aria-describedby={missing ? `${ids}-err` : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            setMissing(false);
          }}
        />
        {missing && (
          <p className="portal-invalid" id={`${ids}-err`} role="alert">
            {t('portal.reopen.invalid')}
          </p>
        )}
      </div>
      {reopen.error && <PortalError error={reopen.error} locking />}
      <button type="submit" className="portal-button primary wide" disabled={reopen.isPending}>
        {reopen.isPending ? t('portal.reopen.submitting') : t('portal.reopen.submit')}
      </button>
    </form>
  );
}
