import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAreas, usePublicConfig } from '../../api/map';
import { useGeoMetrics } from '../../api/metrics';
import { AreaMap } from '../../components/map/AreaMap';
import { HexLayer, HexLegend } from '../../components/map/HexLayer';
import { Panel } from './Panel';

const DAY = 86_400_000;

/**
 * 案件分布: cases of the last 30 days per H3 cell (GET /api/metrics/geo) on the console's one map
 * (AreaMap): over the basemap tiles when MAP_TILE_URL is configured, over the district and street
 * outlines (or the district box before any import) offline.
 */
export function DistrictMap() {
  const { t } = useTranslation();
  // The window is fixed while the cockpit is open, so the query key stays the same between refreshes.
  const [period] = useState(() => {
    const now = Date.now();
    return { from: new Date(now - 30 * DAY).toISOString(), to: new Date(now + DAY).toISOString() };
  });
  const geo = useGeoMetrics({ ...period, resolution: 7 });
  const areas = useAreas();
  const config = usePublicConfig();
  // The map waits for its frame (a failed areas or config request draws the cells without them).
  const data = areas.isPending || config.isPending ? undefined : geo.data;
  const b = data?.bbox;
  const cells = data?.hexes ?? [];
  return (
    <Panel
      id="map"
      title={t('cockpit.map')}
      note={data ? t('cockpit.mapNote', { located: data.located, total: data.total }) : undefined}
    >
      {data && (cells.length > 0 || b || (areas.data?.features.length ?? 0) > 0) ? (
        <div className="cockpit-map">
          <AreaMap
            label={t('cockpit.chart.map', { cells: cells.length, max: cells[0]?.count ?? 0 })}
            areas={areas.data}
            tiles={config.data?.map}
            frame="areas"
            bounds={b ? [b.minLon, b.minLat, b.maxLon, b.maxLat] : null}
            // The panel's shape on the 1920×1080 screen, so the drawing (and the tiles) fill it.
            aspect={0.94}
            width={760}
            layer={(toScreen) => <HexLayer cells={cells} toScreen={toScreen} />}
          />
          {cells.length > 0 ? (
            <HexLegend cells={cells} />
          ) : (
            <p className="map-empty">{t('cockpit.mapEmpty')}</p>
          )}
        </div>
      ) : (
        <p className="empty">{t('cockpit.mapEmpty')}</p>
      )}
    </Panel>
  );
}
