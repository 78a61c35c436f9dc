import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicReceipt } from '../../api/portal';
import { When } from '../../components/Badges';

/** Copies `text`; says so, or, where the clipboard is not allowed, selects it for a long press. */
function CopyButton({ text, label, target }: { text: string; label: string; target: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      const node = document.getElementById(target);
      if (node) window.getSelection()?.selectAllChildren(node);
      setState('failed');
    }
  };
  return (
    <>
      <button
        type="button"
        className="portal-button secondary"
        aria-label={label}
        onClick={() => void copy()}
      >
        {state === 'copied' ? `✓ ${t('portal.done.copied')}` : t('portal.done.copy')}
      </button>
      <span className="sr-only" role="status">
        {state === 'copied' ? t('portal.done.copied') : state === 'failed' ? t('portal.done.copyFailed') : ''}
      </span>
      {state === 'failed' && <p className="portal-warning">{t('portal.done.copyFailed')}</p>}
    </>
  );
}

/**
 * 受理回执: the case number and the tracking code, large and copyable (the code is shown this once;
 * only its hash is stored), and the way on to tracking.
 */
export function ReportDone({
  receipt,
  anonymous,
  onAgain,
}: {
  receipt: PublicReceipt;
  anonymous: boolean;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="portal-done" aria-labelledby="portal-done-heading" data-testid="receipt">
      <h1 id="portal-done-heading" ref={heading} tabIndex={-1}>
        <span aria-hidden="true">✓ </span>
        {t('portal.done.heading')}
      </h1>
      <dl className="portal-receipt">
        <div>
          <dt>{t('portal.done.number')}</dt>
          <dd>
            <strong id="portal-case-number" data-testid="case-number">
              {receipt.caseNumber}
            </strong>
            <CopyButton
              text={receipt.caseNumber}
              label={t('portal.done.copyNumber')}
              target="portal-case-number"
            />
          </dd>
        </div>
        <div>
          <dt>{t('portal.done.code')}</dt>
          <dd>
            <strong id="portal-tracking-code" data-testid="tracking-code">
              {receipt.trackingCode}
            </strong>
            <CopyButton
              text={receipt.trackingCode}
              label={t('portal.done.copyCode')}
              target="portal-tracking-code"
            />
          </dd>
        </div>
        <div>
          <dt>{t('portal.done.status')}</dt>
          <dd>
            {t(`status.${receipt.status as 'received'}`, { defaultValue: receipt.statusLabel })} ·{' '}
            <When at={receipt.receivedAt} />
          </dd>
        </div>
      </dl>
      {receipt.photos > 0 && <p>{t('portal.done.photos', { count: receipt.photos })}</p>}
      <p className={anonymous ? 'portal-warning' : 'portal-hint'}>
        {anonymous ? t('portal.done.keepAnonymous') : t('portal.done.keep')}
      </p>
      <div className="portal-actions column">
        <Link
          to="/portal/track"
          state={{ number: receipt.caseNumber, trackingCode: receipt.trackingCode }}
          className="portal-button primary wide"
        >
          {t('portal.done.track')}
        </Link>
        <button type="button" className="portal-button secondary wide" onClick={onAgain}>
          {t('portal.done.another')}
        </button>
      </div>
    </section>
  );
}
