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
