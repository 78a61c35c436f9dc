import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useSession } from '../../session/session';
import { CategoriesPage } from './CategoriesPage';
import { ChannelsPage } from './ChannelsPage';
import { DispatchPage } from './DispatchPage';
import { KnowledgePage } from './KnowledgePage';
import { ModelsPage } from './ModelsPage';
import { Open311Page } from './Open311Page';
import { OrgPage } from './OrgPage';
import { UsersPage } from './UsersPage';
import './admin.css';

const sections = [
  { key: 'org', element: <OrgPage /> },
  { key: 'users', element: <UsersPage /> },
  { key: 'categories', element: <CategoriesPage /> },
  { key: 'dispatch', element: <DispatchPage /> },
  { key: 'open311', element: <Open311Page /> },
  { key: 'channels', element: <ChannelsPage /> },
  { key: 'models', element: <ModelsPage /> },
  { key: 'knowledge', element: <KnowledgePage /> },
] as const;

/** 系统管理: the administrator's screens under /admin/* (a lazy chunk: only administrators load it). */
export default function AdminRoutes() {
  const { t } = useTranslation();
  const { role } = useSession();
  if (role !== 'admin') return <Navigate to="/" replace />;
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t('admin.navLabel')}>
        {sections.map((s) => (
          <NavLink key={s.key} to={`/admin/${s.key}`}>
            {t(`admin.section.${s.key}`)}
          </NavLink>
        ))}
      </nav>
      <div className="admin-body">
        <Routes>
          <Route index element={<Navigate to="org" replace />} />
          {sections.map((s) => (
            <Route key={s.key} path={s.key} element={s.element} />
          ))}
          <Route path="*" element={<Navigate to="org" replace />} />
        </Routes>
      </div>
    </div>
  );
}
