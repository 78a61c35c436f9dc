import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api/models';
import { useAreas, usePublicConfig } from '../../api/map';
import { AreaMap } from '../../components/map/AreaMap';

/** The case's place on the district map (boundaries from the server, tiles when configured). */
export function CaseMap({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const areas = useAreas();
  const config = usePublicConfig();
  if (areas.isPending || config.isPending) return null;
  const point =
    c.lon != null && c.lat != null ? [{ lon: c.lon, lat: c.lat, label: c.address ?? c.number }] : [];
  if (point.length === 0 && !areas.data?.features.length)
    return <p className="muted">{t('detail.noLocation')}</p>;
  return (
    <>
      <AreaMap
        label={t('detail.mapLabel', { place: c.address ?? c.number })}
        areas={areas.data}
        points={point}
        tiles={config.data?.map}
        frame={config.data?.map.tileUrl ? 'points' : 'areas'}
      />
      {point.length === 0 && <p className="muted">{t('detail.noLocation')}</p>}
    </>
  );
}
