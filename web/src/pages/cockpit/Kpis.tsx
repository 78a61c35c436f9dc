import { useTranslation } from 'react-i18next';
import { useCases } from '../../api/cases';
import { useMetricsSummary } from '../../api/metrics';
import { pct } from './format';

const open = 'received,dispatched,accepted,in_progress,returned';

function Tile({ id, label, value, alert }: { id: string; label: string; value: string; alert?: boolean }) {
  return (
    <div className={`kpi${alert ? ' alert' : ''}`} data-testid={`kpi-${id}`}>
      <span className="kpi-value">{value}</span>
      <span className="kpi-label">{label}</span>
    </div>
  );
}

/** The headline counters: open and overdue now, this month's dispatches and 三率. */
export function Kpis() {
  const { t } = useTranslation();
  const openCases = useCases({ status: open, pageSize: 1 });
  const overdue = useCases({ status: open, overdue: 'true', pageSize: 1 });
  const summary = useMetricsSummary();
  const total = summary.data?.total;
  const count = (n: number | undefined) => (n === undefined ? '…' : String(n));
  return (
    <section className="kpis" aria-label={t('cockpit.title')}>
      <Tile id="open" label={t('cockpit.kpi.open')} value={count(openCases.data?.total)} />
      <Tile
        id="overdue"
        label={t('cockpit.kpi.overdue')}
        value={count(overdue.data?.total)}
        alert={(overdue.data?.total ?? 0) > 0}
      />
      <Tile id="dispatched" label={t('cockpit.kpi.dispatched')} value={count(total?.counts.dispatched)} />
      <Tile id="responseRate" label={t('cockpit.kpi.responseRate')} value={pct(total?.rates.responseRate)} />
      <Tile id="solveRate" label={t('cockpit.kpi.solveRate')} value={pct(total?.rates.solveRate)} />
      <Tile
        id="satisfactionRate"
        label={t('cockpit.kpi.satisfactionRate')}
        value={pct(total?.rates.satisfactionRate)}
      />
    </section>
  );
}
