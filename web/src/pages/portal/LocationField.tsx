import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePublicDistrict } from '../../api/portal';
import { PinPicker, type LonLat } from './PinPicker';

type Problem = 'denied' | 'unavailable' | 'unsupported' | 'outside';

/**
 * 位置: the phone's own position ("use my location", WGS84 from the browser) or a point picked on
 * the map; a position outside the district is not taken (the server would refuse it).
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
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

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
        const point = { lon: position.coords.longitude, lat: position.coords.latitude };
        const box = district.data?.bbox;
        if (
          box &&
          (point.lon < box.minLon ||
            point.lon > box.maxLon ||
            point.lat < box.minLat ||
            point.lat > box.maxLat)
        ) {
          setProblem('outside');
          return;
        }
        onChange({ lon: Math.round(point.lon * 1e6) / 1e6, lat: Math.round(point.lat * 1e6) / 1e6 });
      },
      (error) => {
        setLocating(false);
        setProblem(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable');
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <div className="portal-location">
      <div className="portal-actions">
        <button type="button" className="portal-button" onClick={locate} disabled={locating}>
          <span aria-hidden="true">◎ </span>
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
          {t(`portal.pin.${problem}`, { district: district.data?.name ?? '' })}
        </p>
      )}
      <PinPicker
        value={value}
        onChange={(v) => {
          setProblem(null);
          onChange(v);
        }}
      />
    </div>
  );
}
