import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAreas, usePublicConfig } from '../../api/map';
import { usePublicDistrict, type PublicDistrict } from '../../api/portal';
import { AreaMap } from '../../components/map/AreaMap';

/** A point in WGS84, as the public report route takes it. */
export interface LonLat {
  lon: number;
  lat: number;
}

type Problem = 'denied' | 'unavailable' | 'unsupported' | 'outside' | 'outsideMap';

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** Whether a point lies in the district's box (no box configured: anywhere; the server checks too). */
function inside(box: PublicDistrict['bbox'] | undefined, p: LonLat): boolean {
  return !box || (p.lon >= box.minLon && p.lon <= box.maxLon && p.lat >= box.minLat && p.lat <= box.maxLat);
}

/**
 * 位置: the phone's own position ("use my location", WGS84 from the browser) or a point picked on
 * the district map (components/map/AreaMap in pick mode: a tap, or Enter and the arrow keys); a
 * position outside the district is not taken (the server would refuse it).
 */
export function LocationField({
  value,
  onChange,
}: {
  value: LonLat | null;
  onChange: (v: LonLat | null) => void;
}) {
  const { t } = useTranslation();
  const district = usePublicDistrict();
  const areas = useAreas();
  const config = usePublicConfig();
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const box = district.data?.bbox;

  const locate = () => {
    setProblem(null);
    if (!('geolocation' in navigator)) {
      setProblem('unsupported');
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const point = { lon: round6(position.coords.longitude), lat: round6(position.coords.latitude) };
        if (!inside(box, point)) {
          setProblem('outside');
          return;
        }
        onChange(point);
      },
      (error) => {
        setLocating(false);
        setProblem(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable');
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const pick = (lon: number, lat: number) => {
    const point = { lon, lat };
    if (!inside(box, point)) {
      setProblem('outsideMap');
      return;
    }
    setProblem(null);
    onChange(point);
  };

  const name = district.data?.name ?? '';
  const ready = !district.isPending && !areas.isPending && !config.isPending;
  // Something to frame: the imported boundaries or at least the district's box.
  const canMap = !!areas.data?.bbox || !!box;

  return (
    <div className="portal-location">
      <div className="portal-actions">
        <button type="button" className="portal-button" onClick={locate} disabled={locating}>
          <svg className="portal-icon" viewBox="0 0 24 24" aria-hidden="true">
            <path
              fill="currentColor"
              d="M11 1h2v3.06A8 8 0 0 1 19.94 11H23v2h-3.06A8 8 0 0 1 13 19.94V23h-2v-3.06A8 8 0 0 1 4.06 13H1v-2h3.06A8 8 0 0 1 11 4.06V1Zm1 5a6 6 0 1 0 0 12 6 6 0 0 0 0-12Zm0 3a3 3 0 1 1 0 6 3 3 0 0 1 0-6Z"
            />
          </svg>
          {locating ? t('portal.pin.locating') : t('portal.pin.useMine')}
        </button>
        {value && (
          <button type="button" className="portal-button secondary" onClick={() => onChange(null)}>
            {t('portal.pin.clear')}
          </button>
        )}
      </div>
      {problem && (
        <p className="portal-warning" role="status">
          {t(`portal.pin.${problem}`, { district: name })}
        </p>
      )}
      {ready &&
        (canMap ? (
          <div className="portal-map" data-testid="pin-picker">
            <p className="portal-label">{t('portal.pin.label', { district: name })}</p>
            <AreaMap
              label={t('portal.pin.label', { district: name })}
              areas={areas.data}
              tiles={config.data?.map}
              bounds={box ? [box.minLon, box.minLat, box.maxLon, box.maxLat] : null}
              frame="areas"
              aspect={1}
              width={400}
              onPick={pick}
              picked={value}
            />
          </div>
        ) : (
          <p className="portal-hint">{t('portal.pin.noMap')}</p>
        ))}
    </div>
  );
}
