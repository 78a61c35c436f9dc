import { useTranslation } from 'react-i18next';
import { useAreas, usePublicConfig } from '../../api/map';
import { usePublicDistrict } from '../../api/portal';
import { AreaMap } from '../../components/map/AreaMap';

export interface Point {
  lon: number;
  lat: number;
}

/**
 * 地图选点 for the workbench: the district map (AreaMap in pick mode) framed on the imported
 * boundaries or, before any import, on the district's box. A click, or Enter and the arrow keys on
 * the focused map, set the report's coordinates.
 */
export function MapPick({ value, onChange }: { value: Point | null; onChange: (p: Point) => void }) {
  const { t } = useTranslation();
  const areas = useAreas();
  const config = usePublicConfig();
  const district = usePublicDistrict();
  if (areas.isPending || config.isPending || district.isPending) {
    return <p className="muted">{t('workbench.mapLoading')}</p>;
  }
  const box = district.data?.bbox;
  if (!areas.data?.bbox && !box) return <p className="muted">{t('workbench.noMap')}</p>;
  return (
    <AreaMap
      label={t('workbench.mapLabel')}
      areas={areas.data}
      tiles={config.data?.map}
      bounds={box ? [box.minLon, box.minLat, box.maxLon, box.maxLat] : null}
      frame="areas"
      aspect={2}
      onPick={(lon, lat) => onChange({ lon, lat })}
      picked={value}
    />
  );
}
