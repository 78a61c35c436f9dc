import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveFeed } from '../../api/live';
import { ExportJob } from '../../components/jobs/ExportJob';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { watchesCockpit } from '../../session/nav';
import { useSession } from '../../session/session';
import './cockpit.css';
import { DistrictMap } from './DistrictMap';
import { Feed } from './Feed';
import { Kpis } from './Kpis';
import { StreetRanking, UnitRanking } from './Rankings';
import { Topics } from './Topics';
import { Trend } from './Trend';

const clock = new Intl.DateTimeFormat('zh-CN', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  hour12: false,
  timeZone: 'Asia/Shanghai',
});

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <time dateTime={now.toISOString()}>{clock.format(now)}</time>;
}

function Cockpit() {
  const { t } = useTranslation();
  const live = useLiveFeed();
  return (
    <div className="cockpit">
      <header className="cockpit-head">
        <h1>{t('cockpit.title')}</h1>
        <Clock />
        <div className="cockpit-tools">
          <div className="cockpit-export">
            <ExportJob
              testId="ranking-export"
              label={t('cockpit.exportRanking')}
              request={(format) => ({ kind: 'ranking', format, level: 'street' })}
            />
          </div>
          <LanguageSwitch />
          <Link to="/">{t('cockpit.back')}</Link>
        </div>
      </header>
      <main id="main" className="cockpit-grid" tabIndex={-1}>
        <div className="col">
          <StreetRanking />
          <UnitRanking />
        </div>
        <div className="col centre">
          <Kpis />
          <DistrictMap />
        </div>
        <div className="col">
          <Trend />
          <Topics />
          <Feed events={live.events} status={live.status} />
        </div>
      </main>
    </div>
  );
}

/** 驾驶舱: the big-screen view (1920×1080) for leaders; a lazy chunk, so ECharts loads only here. */
export default function CockpitPage() {
  const { t } = useTranslation();
  const { role } = useSession();
  if (!watchesCockpit(role)) {
    return (
      <main id="main" className="cockpit-denied">
        <p role="alert">{t('cockpit.forbidden')}</p>
        <Link to="/">{t('cockpit.back')}</Link>
      </main>
    );
  }
  return <Cockpit />;
}
