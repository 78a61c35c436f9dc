import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTrend } from '../../api/metrics';
import { EChart, type ChartOption } from '../../components/EChart';
import { palette } from './format';
import { Panel } from './Panel';

const rates = ['responseRate', 'solveRate', 'satisfactionRate'] as const;

/** 趋势: dispatched cases (bars) and 三率 (lines) month by month (GET /api/metrics/trend). */
export function Trend() {
  const { t } = useTranslation();
  const trend = useTrend({ months: 12 });
  const option = useMemo<ChartOption>(() => {
    const items = trend.data?.items ?? [];
    const axisText = { color: palette.muted };
    return {
      color: palette.series,
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: palette.text } },
      xAxis: { type: 'category', data: items.map((m) => m.month.slice(2)), axisLabel: axisText },
      yAxis: [
        { type: 'value', axisLabel: axisText, splitLine: { lineStyle: { color: palette.line } } },
        {
          type: 'value',
          min: 0,
          max: 100,
          axisLabel: { ...axisText, formatter: '{value}%' },
          splitLine: { show: false },
        },
      ],
      series: [
        {
          type: 'bar',
          name: t('cockpit.series.dispatched'),
          data: items.map((m) => m.counts.dispatched),
          barMaxWidth: 18,
        },
        ...rates.map((k) => ({
          type: 'line',
          name: t(`cockpit.kpi.${k}`),
          yAxisIndex: 1,
          connectNulls: true,
          data: items.map((m) => (m.rates[k] === null ? null : Math.round(m.rates[k] * 1000) / 10)),
        })),
      ],
    };
  }, [trend.data, t]);
  return (
    <Panel id="trend" title={t('cockpit.trend')}>
      <EChart option={option} height="100%" aria-label={t('cockpit.chart.trend')} />
    </Panel>
  );
}
