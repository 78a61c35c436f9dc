import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useLogout } from '../api/auth';
import { navByRole } from '../session/nav';
import { useSession } from '../session/session';
import { LanguageSwitch } from './LanguageSwitch';

/** The console's frame: skip link, role-aware navigation, who is logged in, language, logout. */
export function Layout() {
  const { t } = useTranslation();
  const { user, role } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top">
        <div className="brand">
          <strong>{t('app.name')}</strong> <span className="muted">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.main')}>
          {navByRole[role].map((item) => (
            <NavLink key={item.key} to={item.to} end={item.to === '/'}>
              {t(`nav.${item.key}`)}
            </NavLink>
          ))}
        </nav>
        <div className="who">
          <span data-testid="who">
            {user.displayName} · {t(`role.${role}`)}
          </span>
          <LanguageSwitch />
          <button
            type="button"
            onClick={() =>
              logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })
            }
          >
            {t('logout')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
