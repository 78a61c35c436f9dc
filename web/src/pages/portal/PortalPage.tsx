import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { usePublicDistrict } from '../../api/portal';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { ReportScreen } from './ReportScreen';
import { TrackScreen } from './TrackScreen';
import './portal.css';

/**
 * 市民服务 — the citizen portal, without login, phone first: report a problem (/portal) and track,
 * rate or reopen it (/portal/track). Its own frame: no console navigation, the language at hand.
 */
export function PortalPage() {
  const { t } = useTranslation();
  const district = usePublicDistrict();
  return (
    <div className="portal">
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="portal-top">
        <div className="portal-brand">
          <strong>
            {t('app.name')} · {t('portal.title')}
          </strong>
          {district.data?.name && (
            <span className="portal-hint">{t('portal.subtitle', { district: district.data.name })}</span>
          )}
        </div>
        <LanguageSwitch />
      </header>
      <nav className="portal-tabs" aria-label={t('portal.nav.label')}>
        <NavLink to="/portal" end>
          {t('portal.nav.report')}
        </NavLink>
        <NavLink to="/portal/track">{t('portal.nav.track')}</NavLink>
      </nav>
      <main id="main" className="portal-main" tabIndex={-1}>
        <Routes>
          <Route index element={<ReportScreen />} />
          <Route path="track" element={<TrackScreen />} />
          <Route path="*" element={<ReportScreen />} />
        </Routes>
      </main>
    </div>
  );
}
