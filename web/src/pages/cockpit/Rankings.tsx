import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRanking, useUnitMetrics } from '../../api/metrics';
import { EChart, type ChartOption } from '../../components/EChart';
import { palette, pct, score } from './format';
import { Panel } from './Panel';

/** 街乡镇排名: this month's composite score of each street, best first (GET /api/metrics/ranking). */
export function StreetRanking() {
  const { t } = useTranslation();
  const ranking = useRanking({ level: 'street' });
  const items = useMemo(() => ranking.data?.items ?? [], [ranking.data]);
  const option = useMemo<ChartOption>(() => {
    // Ranked streets best first, the ones with no figures yet after them; ECharts draws the first
    // category at the bottom, so the list is reversed to put rank 1 on top.
    const rows = [...items]
      .sort(
        (a, b) =>
          (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
          (a.group.code ?? '').localeCompare(b.group.code ?? ''),
      )
      .reverse();
    return {
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'value',
        max: 100,
        axisLabel: { color: palette.muted },
        splitLine: { lineStyle: { color: palette.line } },
      },
      yAxis: {
        type: 'category',
        data: rows.map((r) => r.group.name),
        axisLabel: { color: palette.text, fontSize: 12, interval: 0, width: 150, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('cockpit.series.composite'),
          data: rows.map((r) => r.composite),
          itemStyle: { color: palette.series[0] },
          label: { show: true, position: 'right', color: palette.text, formatter: '{c}' },
          barMaxWidth: 16,
        },
      ],
    };
  }, [items, t]);
  return (
    <Panel id="streets" scrollable title={t('cockpit.streets')}>
      {items.length === 0 ? (
        <p className="empty">{t('cockpit.noData')}</p>
      ) : (
        <EChart option={option} height="100%" aria-label={t('cockpit.chart.streets')} />
      )}
    </Panel>
  );
}

/** 承办单位排名: each lead unit this month with its 三率 and overdue cases (GET /api/metrics/units). */
export function UnitRanking() {
  const { t } = useTranslation();
  const units = useUnitMetrics({ groupBy: 'lead_unit' });
  const rows = useMemo(
    () =>
      [...(units.data?.items ?? [])]
        .filter((g) => g.group.id !== null)
        .sort(
          (a, b) => (b.composite ?? -1) - (a.composite ?? -1) || b.counts.dispatched - a.counts.dispatched,
        ),
    [units.data],
  );
  return (
    <Panel id="units" scrollable title={t('cockpit.units')}>
      {rows.length === 0 ? (
        <p className="empty">{t('cockpit.noData')}</p>
      ) : (
        <table className="cockpit-table" data-testid="unit-ranking">
          <thead>
            <tr>
              <th scope="col">{t('cockpit.col.rank')}</th>
              <th scope="col">{t('cockpit.col.name')}</th>
              <th scope="col">{t('cockpit.col.composite')}</th>
              <th scope="col">{t('cockpit.col.responseRate')}</th>
              <th scope="col">{t('cockpit.col.solveRate')}</th>
              <th scope="col">{t('cockpit.col.satisfactionRate')}</th>
              <th scope="col">{t('cockpit.col.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, 12).map((g, i) => (
              <tr key={g.group.id}>
                <td>{i + 1}</td>
                <th scope="row">{g.group.name}</th>
                <td>{score(g.composite)}</td>
                <td>{pct(g.rates.responseRate)}</td>
                <td>{pct(g.rates.solveRate)}</td>
                <td>{pct(g.rates.satisfactionRate)}</td>
                <td className={g.counts.overdue > 0 ? 'late' : undefined}>{g.counts.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
