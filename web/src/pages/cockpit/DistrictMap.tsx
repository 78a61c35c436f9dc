import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAreas, type AreaCollection } from '../../api/map';
import { useGeoMetrics, type Geo } from '../../api/metrics';
import { EChart, type ChartOption, type GeoJson } from '../../components/EChart';
import { palette } from './format';
import { Panel } from './Panel';

const MAP = 'zhicheng-cockpit';
const DAY = 86_400_000;

/** Light blue for one case to red for the busiest cell. */
function heat(share: number): string {
  const from = [76, 195, 255];
  const to = [255, 92, 72];
  const c = from.map((f, i) => Math.round(f + (to[i]! - f) * Math.min(1, Math.max(0, share))));
  return `rgba(${c.join(',')},0.85)`;
}

/**
 * The areas drawn: the district and street outlines (GET /api/geo/areas, as every map of the console
 * draws them; or the district box before any import), then the H3 cells.
 */
function toGeoJson(geo: Geo, areas: AreaCollection | undefined): GeoJson {
  const outline = (areas?.features ?? []).map((f) => ({
    type: 'Feature' as const,
    properties: { name: `unit:${f.properties.unitId}` },
    geometry: { type: 'MultiPolygon' as const, coordinates: f.geometry.coordinates },
  }));
  const b = geo.bbox;
  const frame =
    outline.length === 0 && b
      ? [
          {
            type: 'Feature' as const,
            properties: { name: 'frame' },
            geometry: {
              type: 'Polygon' as const,
              coordinates: [
                [
                  [b.minLon, b.minLat],
                  [b.maxLon, b.minLat],
                  [b.maxLon, b.maxLat],
                  [b.minLon, b.maxLat],
                  [b.minLon, b.minLat],
                ],
              ],
            },
          },
        ]
      : [];
  const cells = geo.hexes.map((h) => ({
    type: 'Feature' as const,
    properties: { name: h.h3 },
    geometry: { type: 'Polygon' as const, coordinates: [h.boundary] },
  }));
  return { type: 'FeatureCollection', features: [...frame, ...outline, ...cells] };
}

/** 案件分布: located cases of the last 30 days per H3 cell, drawn offline with no basemap. */
export function DistrictMap() {
  const { t } = useTranslation();
  // The window is fixed while the cockpit is open, so the query key stays the same between refreshes.
  const [period] = useState(() => {
    const now = Date.now();
    return { from: new Date(now - 30 * DAY).toISOString(), to: new Date(now + DAY).toISOString() };
  });
  const geo = useGeoMetrics({ ...period, resolution: 7 });
  const areas = useAreas();
  // The cells wait for the outlines (a failed areas request draws the cells alone).
  const data = areas.isPending ? undefined : geo.data;
  const outline = areas.data?.features;
  const map = useMemo(
    () => (data ? { name: MAP, geoJson: toGeoJson(data, areas.data) } : undefined),
    [data, areas.data],
  );
  const option = useMemo<ChartOption>(() => {
    if (!data) return {};
    const max = Math.max(1, ...data.hexes.map((h) => h.count));
    const names = new Map((outline ?? []).map((f) => [`unit:${f.properties.unitId}`, f.properties.name]));
    const tips = new Map(
      data.hexes.map((h) => [
        h.h3,
        t('cockpit.hexTip', { count: h.count, open: h.open, overdue: h.overdue }),
      ]),
    );
    const lat = data.bbox ? (data.bbox.minLat + data.bbox.maxLat) / 2 : 40;
    const border = { borderColor: '#5b7fa6', borderWidth: 1, areaColor: 'rgba(0,0,0,0)' };
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) => tips.get(p.name) ?? names.get(p.name) ?? '',
      },
      series: [
        {
          type: 'map',
          map: MAP,
          roam: true,
          aspectScale: Math.cos((lat * Math.PI) / 180),
          layoutCenter: ['50%', '50%'],
          layoutSize: '95%',
          selectedMode: false,
          label: { show: false },
          itemStyle: border,
          emphasis: { label: { show: false }, itemStyle: { areaColor: 'rgba(255,255,255,0.25)' } },
          data: [
            ...(outline ?? []).map((f) => ({ name: `unit:${f.properties.unitId}`, itemStyle: border })),
            ...data.hexes.map((h) => ({
              name: h.h3,
              value: h.count,
              itemStyle: { areaColor: heat(h.count / max), borderColor: palette.panel, borderWidth: 1 },
            })),
          ],
        },
      ],
    };
  }, [data, outline, t]);
  return (
    <Panel
      id="map"
      title={t('cockpit.map')}
      note={data ? t('cockpit.mapNote', { located: data.located, total: data.total }) : undefined}
    >
      {data && map && (data.hexes.length > 0 || data.bbox || (outline?.length ?? 0) > 0) ? (
        <>
          <EChart option={option} map={map} height="100%" aria-label={t('cockpit.chart.map')} />
          {data.hexes.length === 0 && <p className="map-empty">{t('cockpit.mapEmpty')}</p>}
        </>
      ) : (
        <p className="empty">{t('cockpit.mapEmpty')}</p>
      )}
    </Panel>
  );
}
