import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  usePublicServices,
  useSubmitPublicReport,
  type PublicReceipt,
  type PublicService,
} from '../../api/portal';
import { LocationField, type LonLat } from './LocationField';
import { MAX_PHOTOS, PhotoPicker } from './PhotoPicker';
import { PortalError } from './PortalError';
import { ReportDone } from './ReportDone';
import { SelfHelp } from './SelfHelp';

/** The privacy notice the form shows (portal.report.privacyText); sent with the consent. */
export const PRIVACY_NOTICE_VERSION = '2026-12';

/** The same pattern the server checks a phone against. */
const PHONE = /^\+?[0-9-]{5,20}$/;

type Field = 'text' | 'location' | 'phone' | 'consent';

/** An idempotency key; crypto.randomUUID needs a secure context, a phone on plain HTTP may lack it. */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The services grouped under their top-level category, for <optgroup>. */
function groups(services: PublicService[]) {
  const byGroup = new Map<string, { group: PublicService['group']; items: PublicService[] }>();
  for (const s of services) {
    const entry = byGroup.get(s.group.code) ?? { group: s.group, items: [] };
    entry.items.push(s);
    byGroup.set(s.group.code, entry);
  }
  return [...byGroup.values()];
}

/**
 * 我要反映: what (category, description, photos), where (address and/or a point), who (phone, or
 * anonymous) and the privacy consent; then the case number and tracking code. Checked here first,
 * field by field, so the server's refusals are the rare ones.
 */
export function ReportScreen() {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const services = usePublicServices();
  const submit = useSubmitPublicReport();
  const [key, setKey] = useState(newKey);
  const [category, setCategory] = useState('');
  const [text, setText] = useState('');
  const [address, setAddress] = useState('');
  const [point, setPoint] = useState<LonLat | null>(null);
  const [photos, setPhotos] = useState<File[]>([]);
  const [anonymous, setAnonymous] = useState(false);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [invalid, setInvalid] = useState<Field[]>([]);
  const [receipt, setReceipt] = useState<{ receipt: PublicReceipt; anonymous: boolean } | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const english = i18n.language === 'en';

  const problems = (): Field[] => {
    const found: Field[] = [];
    if (!text.trim()) found.push('text');
    if (!point && !address.trim()) found.push('location');
    if (!anonymous && !PHONE.test(phone.trim())) found.push('phone');
    if (!consent) found.push('consent');
    return found;
  };

  const send = (e: FormEvent) => {
    e.preventDefault();
    const found = problems();
    setInvalid(found);
    if (found.length > 0) {
      form.current?.querySelector<HTMLElement>(`[data-field="${found[0]}"]`)?.focus();
      return;
    }
    submit.mutate(
      {
        idempotencyKey: key,
        photos,
        body: {
          text: text.trim(),
          anonymous,
          consent: true,
          privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
          ...(category ? { categoryCode: category } : {}),
          ...(address.trim() ? { address: address.trim() } : {}),
          ...(point ?? {}),
          contact: anonymous ? {} : { phone: phone.trim(), ...(name.trim() ? { name: name.trim() } : {}) },
        },
      },
      { onSuccess: (r) => setReceipt({ receipt: r, anonymous }) },
    );
  };

  const again = () => {
    setKey(newKey());
    setCategory('');
    setText('');
    setAddress('');
    setPoint(null);
    setPhotos([]);
    setConsent(false);
    setInvalid([]);
    setReceipt(null);
    submit.reset();
  };

  if (receipt) return <ReportDone receipt={receipt.receipt} anonymous={receipt.anonymous} onAgain={again} />;

  const bad = (f: Field) => invalid.includes(f);
  const errorOf = (f: Field) =>
    bad(f) ? (
      <p className="portal-invalid" id={`${ids}-${f}-error`}>
        {t(`portal.invalid.${f}`)}
      </p>
    ) : null;
  const describedBy = (f: Field, hint?: string) =>
    [hint, bad(f) ? `${ids}-${f}-error` : undefined].filter(Boolean).join(' ') || undefined;
  // Fixing a field clears its mark as the citizen types.
  const touched = (f: Field) => {
    if (bad(f)) setInvalid((list) => list.filter((x) => x !== f));
  };

  return (
    <form ref={form} className="portal-form" onSubmit={send} noValidate aria-labelledby={`${ids}-heading`}>
      <h1 id={`${ids}-heading`}>{t('portal.report.heading')}</h1>
      <p className="portal-intro">{t('portal.report.intro')}</p>

      <div className="portal-field">
        <label htmlFor={`${ids}-category`}>{t('portal.report.category')}</label>
        <select
          id={`${ids}-category`}
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          aria-describedby={`${ids}-category-hint`}
        >
          <option value="">
            {services.isPending ? t('portal.report.categoryLoading') : t('portal.report.categoryNone')}
          </option>
          {groups(services.data ?? []).map(({ group, items }) => (
            <optgroup key={group.code} label={(english && group.nameEn) || group.name}>
              {items.map((s) => (
                <option key={s.code} value={s.code}>
                  {(english && s.nameEn) || s.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <p className="portal-hint" id={`${ids}-category-hint`}>
          {t('portal.report.categoryHint')}
        </p>
        {services.error && <PortalError error={services.error} />}
      </div>

      <div className="portal-field">
        <label htmlFor={`${ids}-text`}>
          {t('portal.report.text')} <span className="portal-required">（{t('portal.report.required')}）</span>
        </label>
        <textarea
          id={`${ids}-text`}
          data-field="text"
          rows={5}
          maxLength={4000}
          required
          value={text}
          aria-invalid={bad('text')}
          aria-describedby={describedBy('text', `${ids}-text-hint`)}
          onChange={(e) => {
            setText(e.target.value);
            touched('text');
          }}
        />
        <p className="portal-hint" id={`${ids}-text-hint`}>
          {t('portal.report.textHint')}
        </p>
        {errorOf('text')}
        <SelfHelp text={text} />
      </div>

      <fieldset
        className="portal-fieldset"
        aria-describedby={describedBy('location', `${ids}-location-hint`)}
      >
        <legend>
          {t('portal.report.location')}{' '}
          <span className="portal-required">（{t('portal.report.required')}）</span>
        </legend>
        <p className="portal-hint" id={`${ids}-location-hint`}>
          {t('portal.report.locationHint')}
        </p>
        <div className="portal-field">
          <label htmlFor={`${ids}-address`}>{t('portal.report.address')}</label>
          <input
            id={`${ids}-address`}
            data-field="location"
            autoComplete="street-address"
            maxLength={300}
            value={address}
            placeholder={t('portal.report.addressHint')}
            aria-invalid={bad('location')}
            aria-describedby={describedBy('location')}
            onChange={(e) => {
              setAddress(e.target.value);
              touched('location');
            }}
          />
        </div>
        <LocationField
          value={point}
          onChange={(v) => {
            setPoint(v);
            touched('location');
          }}
        />
        {errorOf('location')}
      </fieldset>

      <div className="portal-field">
        <p className="portal-label" id={`${ids}-photos`}>
          {t('portal.report.photos')}
        </p>
        <p className="portal-hint">{t('portal.report.photosHint', { max: MAX_PHOTOS })}</p>
        <PhotoPicker files={photos} onChange={setPhotos} labelId={`${ids}-photos`} />
      </div>

      <fieldset className="portal-fieldset">
        <legend>{t('portal.report.contact')}</legend>
        <label className="portal-check">
          <input
            type="checkbox"
            checked={anonymous}
            onChange={(e) => {
              setAnonymous(e.target.checked);
              touched('phone');
            }}
          />
          <span>{t('portal.report.anonymous')}</span>
        </label>
        {anonymous ? (
          <p className="portal-warning">{t('portal.report.anonymousHint')}</p>
        ) : (
          <>
            <div className="portal-field">
              <label htmlFor={`${ids}-phone`}>
                {t('portal.report.phone')}{' '}
                <span className="portal-required">（{t('portal.report.required')}）</span>
              </label>
              <input
                id={`${ids}-phone`}
                data-field="phone"
                type="tel"
                inputMode="tel"
                autoComplete="tel"
                maxLength={20}
                value={phone}
                aria-invalid={bad('phone')}
                aria-describedby={describedBy('phone', `${ids}-phone-hint`)}
                onChange={(e) => {
                  setPhone(e.target.value);
                  touched('phone');
                }}
              />
              <p className="portal-hint" id={`${ids}-phone-hint`}>
                {t('portal.report.phoneHint')}
              </p>
              {errorOf('phone')}
            </div>
            <div className="portal-field">
              <label htmlFor={`${ids}-name`}>{t('portal.report.name')}</label>
              <input
                id={`${ids}-name`}
                autoComplete="name"
                maxLength={50}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            </div>
          </>
        )}
      </fieldset>

      <details className="portal-privacy">
        <summary>{t('portal.report.privacy')}</summary>
        <p>{t('portal.report.privacyText')}</p>
      </details>
      <label className="portal-check">
        <input
          type="checkbox"
          data-field="consent"
          checked={consent}
          aria-invalid={bad('consent')}
          aria-describedby={describedBy('consent')}
          onChange={(e) => {
            setConsent(e.target.checked);
            touched('consent');
          }}
        />
        <span>{t('portal.report.consent')}</span>
      </label>
      {errorOf('consent')}

      {invalid.length > 0 && (
        <p className="portal-invalid" role="alert">
          {t('portal.invalid.summary', { count: invalid.length })}
        </p>
      )}
      {submit.error && <PortalError error={submit.error} />}
      <button type="submit" className="portal-button primary wide" disabled={submit.isPending}>
        {submit.isPending ? t('portal.report.submitting') : t('portal.report.submit')}
      </button>
    </form>
  );
}
