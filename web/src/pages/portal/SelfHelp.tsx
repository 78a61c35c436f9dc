import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useHelpfulAnswer, usePublicAnswers } from '../../api/portal';
import { useDebounced } from '../../components/useDebounced';
import { PortalError } from './PortalError';

/** Fewest word characters worth a lookup: two or three characters match too much by chance. */
const MIN_CHARS = 4;

/**
 * 一网通答 for citizens: while the citizen describes the problem, public answers that match it are
 * offered under the description. An answer that settles the question is counted (the report need
 * not be filed); otherwise the citizen just goes on with the form. Nothing shows without a match.
 */
export function SelfHelp({ text }: { text: string }) {
  const { t } = useTranslation();
  const ids = useId();
  const settled = useDebounced(text.trim(), 500);
  const words = settled.replace(/[^\p{L}\p{N}]/gu, '');
  const answers = usePublicAnswers(words.length >= MIN_CHARS ? settled.slice(0, 500) : null);
  const helpful = useHelpfulAnswer();
  const items = words.length >= MIN_CHARS ? (answers.data ?? []) : [];

  if (helpful.isSuccess) {
    return (
      <p className="portal-selfhelp-done" role="status" data-testid="selfhelp-done">
        {t('portal.selfHelp.thanks')}
      </p>
    );
  }
  return (
    <div aria-live="polite" data-testid="selfhelp">
      {items.length > 0 && (
        <section className="portal-selfhelp" aria-labelledby={`${ids}-heading`}>
          <h2 id={`${ids}-heading`}>{t('portal.selfHelp.heading')}</h2>
          <p className="portal-hint">{t('portal.selfHelp.hint')}</p>
          <ul>
            {items.map((a) => (
              <li key={a.id}>
                <details data-testid={`selfhelp-${a.id}`}>
                  <summary>{a.title}</summary>
                  <p>{a.answer}</p>
                  {a.validUntil && (
                    <p className="portal-hint">{t('portal.selfHelp.validUntil', { date: a.validUntil })}</p>
                  )}
                  <button
                    type="button"
                    className="portal-button"
                    disabled={helpful.isPending}
                    onClick={() => helpful.mutate(a.id)}
                  >
                    {t('portal.selfHelp.helpful')}
                  </button>
                </details>
              </li>
            ))}
          </ul>
          {helpful.error && <PortalError error={helpful.error} />}
        </section>
      )}
    </div>
  );
}
