import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { portalI18n } from './i18n';

type ErrorKey = keyof typeof portalI18n.zhCN.errors;

const isKey = (code: string): code is ErrorKey => Object.hasOwn(portalI18n.zhCN.errors, code);

/**
 * Which sentence explains an error: the server's stable code when the portal knows it; a fetch
 * that never got an answer is the network. On the tracking routes 429 means the case number is
 * locked after repeated failures.
 */
function keyOf(error: Error, locking: boolean): ErrorKey {
  if (!(error instanceof ApiError)) return error instanceof TypeError ? 'network' : 'other';
  if (error.code === 'rate_limited' && locking) return 'locked';
  return isKey(error.code) ? error.code : 'other';
}

/**
 * A refusal in the reader's language, with the stable code (for the hotline's staff) and, for
 * validation, the server's own words about what was wrong.
 */
export function PortalError({ error, locking = false }: { error: Error; locking?: boolean }) {
  const { t } = useTranslation();
  const key = keyOf(error, locking);
  const api = error instanceof ApiError ? error : null;
  return (
    <div className="portal-alert" role="alert" data-testid="portal-error" data-code={api?.code ?? key}>
      <p>{t(`portal.errors.${key}`)}</p>
      {api && (key === 'validation_failed' || key === 'other') && (
        <p className="portal-detail">{api.message}</p>
      )}
      {api && <p className="portal-detail">{t('portal.errors.code', { code: api.code })}</p>}
    </div>
  );
}
