import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCases, type CaseFilters } from '../../api/cases';
import { canFile, cardsByRole, handlesCases, type CardKey } from '../../session/nav';
import { useSession } from '../../session/session';

function toSearch(filters: CaseFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) params.set(k, String(v));
  return params.toString();
}

/** One work counter: the total of a filtered case list, linking to that list. */
function Card({ label, filters }: { label: CardKey; filters: CaseFilters }) {
  const { t } = useTranslation();
  const cases = useCases({ ...filters, pageSize: 1 });
  return (
    <Link className="stat" to={`/cases?${toSearch(filters)}`} data-testid={`card-${label}`}>
      <span className="stat-value">{cases.data ? cases.data.total : '…'}</span>
      <span className="stat-label">{t(`home.card.${label}`)}</span>
    </Link>
  );
}

/** 首页: who you are, your unit, and the counters of the work your role does. */
export function HomePage() {
  const { t } = useTranslation();
  const { user, role } = useSession();
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.greeting', { name: user.displayName })}</h1>
      <p className="muted">
        {t(`role.${role}`)}
        {user.unit ? ` · ${t('home.unit', { unit: user.unit.name })}` : ''}
      </p>
      <div className="stats">
        {cardsByRole[role].map((c) => (
          <Card key={c.key} label={c.key} filters={c.filters} />
        ))}
      </div>
      <p className="row">
        {handlesCases(role) && (
          <Link className="button primary" to="/inbox">
            {t('home.openInbox')}
          </Link>
        )}
        {canFile(role) && (
          <Link className="button primary" to="/workbench">
            {t('home.newCase')}
          </Link>
        )}
        <Link className="button" to="/cases">
          {t('home.allCases')}
        </Link>
      </p>
    </section>
  );
}
