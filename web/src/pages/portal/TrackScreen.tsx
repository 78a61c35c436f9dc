import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTrackCase, type Proof, type TrackingView } from '../../api/portal';
import { PortalError } from './PortalError';
import { TrackView } from './TrackView';

type Method = 'phone' | 'code';
type Field = 'number' | 'proof';

/** What the receipt hands over when the citizen goes on to tracking (kept in history state, not the URL). */
interface Handover {
  number?: string;
  trackingCode?: string;
}

/**
 * 查询进度: the case number and a proof (the phone's last four digits or the tracking code) open
 * the reporter's view. From the receipt both come along and the lookup runs at once; a link with
 * ?number= fills in the number.
 */
export function TrackScreen() {
  const { t } = useTranslation();
  const ids = useId();
  const location = useLocation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const handover = (location.state as Handover | null) ?? {};
  const track = useTrackCase();
  const [number, setNumber] = useState(handover.number ?? params.get('number') ?? '');
  const [method, setMethod] = useState<Method>(handover.trackingCode ? 'code' : 'phone');
  const [last4, setLast4] = useState('');
  const [code, setCode] = useState(handover.trackingCode ?? '');
  const [invalid, setInvalid] = useState<Field[]>([]);
  const [found, setFound] = useState<{ view: TrackingView; proof: Proof } | null>(null);

  const lookup = (n: string, proof: Proof) =>
    track.mutate({ number: n, proof }, { onSuccess: (view) => setFound({ view, proof }) });

  // Coming from the receipt: look it up once, and drop the code from the history entry.
  const handedOver = useRef(false);
  useEffect(() => {
    if (handedOver.current || !handover.number || !handover.trackingCode) return;
    handedOver.current = true;
    lookup(handover.number, { trackingCode: handover.trackingCode });
    void navigate('.', { replace: true, state: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival
  }, []);

  const send = (e: FormEvent) => {
    e.preventDefault();
    const n = number.trim();
    const bad: Field[] = [];
    if (!n) bad.push('number');
    if (method === 'phone' ? !/^\d{4}$/.test(last4.trim()) : !code.trim()) bad.push('proof');
    setInvalid(bad);
    if (bad.length > 0) {
      document.getElementById(`${ids}-${bad[0]}`)?.focus();
      return;
    }
    lookup(n, method === 'phone' ? { phoneLast4: last4.trim() } : { trackingCode: code.trim() });
  };

  if (found) {
    return (
      <>
        <TrackView view={found.view} proof={found.proof} onChange={(view) => setFound({ ...found, view })} />
        <button
          type="button"
          className="portal-button secondary wide"
          onClick={() => {
            setFound(null);
            track.reset();
          }}
        >
          {t('portal.track.another')}
        </button>
      </>
    );
  }

  const bad = (f: Field) => invalid.includes(f);
  const err = (f: Field, text: string) =>
    bad(f) ? (
      <p className="portal-invalid" id={`${ids}-${f}-error`}>
        {text}
      </p>
    ) : null;
  return (
    <form className="portal-form" onSubmit={send} noValidate aria-labelledby={`${ids}-heading`}>
      <h1 id={`${ids}-heading`}>{t('portal.track.heading')}</h1>
      <p className="portal-intro">{t('portal.track.intro')}</p>
      <div className="portal-field">
        <label htmlFor={`${ids}-number`}>{t('portal.track.number')}</label>
        <input
          id={`${ids}-number`}
          value={number}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder={t('portal.track.numberHint')}
          maxLength={64}
          aria-invalid={bad('number')}
          aria-describedby={bad('number') ? `${ids}-number-error` : undefined}
          onChange={(e) => setNumber(e.target.value)}
        />
        {err('number', t('portal.track.invalidNumber'))}
      </div>
      <fieldset className="portal-choices">
        <legend>{t('portal.track.method')}</legend>
        {(['phone', 'code'] as const).map((m) => (
          <label key={m} className="portal-choice">
            <input type="radio" name={`${ids}-method`} checked={method === m} onChange={() => setMethod(m)} />
            <span>{m === 'phone' ? t('portal.track.byPhone') : t('portal.track.byCode')}</span>
          </label>
        ))}
      </fieldset>
      <div className="portal-field">
        {method === 'phone' ? (
          <>
            <label htmlFor={`${ids}-proof`}>{t('portal.track.phoneLast4')}</label>
            <input
              id={`${ids}-proof`}
              key="phone"
              inputMode="numeric"
              autoComplete="off"
              pattern="[0-9]{4}"
              maxLength={4}
              value={last4}
              aria-invalid={bad('proof')}
              aria-describedby={bad('proof') ? `${ids}-proof-error` : undefined}
              onChange={(e) => setLast4(e.target.value.replace(/\D/g, ''))}
            />
            {err('proof', t('portal.track.invalidPhone'))}
          </>
        ) : (
          <>
            <label htmlFor={`${ids}-proof`}>{t('portal.track.trackingCode')}</label>
            <input
              id={`${ids}-proof`}
              key="code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={40}
              value={code}
              aria-invalid={bad('proof')}
              aria-describedby={bad('proof') ? `${ids}-proof-error` : undefined}
              onChange={(e) => setCode(e.target.value)}
            />
            {err('proof', t('portal.track.invalidCode'))}
          </>
        )}
      </div>
      <p className="portal-hint">{t('portal.track.lockHint')}</p>
      {track.error && <PortalError error={track.error} locking />}
      <button type="submit" className="portal-button primary wide" disabled={track.isPending}>
        {track.isPending ? t('portal.track.submitting') : t('portal.track.submit')}
      </button>
    </form>
  );
}
