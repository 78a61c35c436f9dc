import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportPolygons, type PolygonImportResult } from '../../api/admin/org';
import { useJob } from '../../api/jobs';
import { JobProgress } from '../../components/jobs/JobProgress';
import { ErrorMessage } from '../../components/Status';
import { Field } from './parts';

/**
 * 边界导入: a GeoJSON file of the district's boundaries (street, community polygons) sent to
 * POST /api/geo/polygons; the import runs as a job whose progress counts the features stored.
 */
export function PolygonImport() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [crs, setCrs] = useState<'wgs84' | 'gcj02'>('wgs84');
  const [readError, setReadError] = useState<Error | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useImportPolygons();
  const job = useJob(jobId);
  const status = job.data?.status;
  useEffect(() => {
    // New boundaries: the maps read them again.
    if (status === 'succeeded') void client.invalidateQueries({ queryKey: ['geo'] });
  }, [status, client]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setReadError(null);
    let geojson: Record<string, unknown>;
    try {
      geojson = JSON.parse(await file.text()) as Record<string, unknown>;
    } catch {
      setReadError(new Error(t('admin.polygons.notJson', { name: file.name })));
      return;
    }
    start.mutate({ geojson, crs, source: file.name }, { onSuccess: (j) => setJobId(j.id) });
  };
  const result = status === 'succeeded' ? (job.data?.result as PolygonImportResult) : null;
  return (
    <form
      className="card"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="polygons-title"
      data-testid="polygon-import"
    >
      <h2 id="polygons-title">{t('admin.polygons.title')}</h2>
      <p className="muted">{t('admin.polygons.hint')}</p>
      <div className="row">
        <Field label={t('admin.polygons.file')}>
          {(id) => (
            <input
              id={id}
              type="file"
              accept=".geojson,.json,application/geo+json,application/json"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              required
            />
          )}
        </Field>
        <Field label={t('admin.polygons.crs')}>
          {(id) => (
            <select
              id={id}
              value={crs}
              onChange={(e) => setCrs(e.target.value === 'gcj02' ? 'gcj02' : 'wgs84')}
            >
              <option value="wgs84">WGS-84</option>
              <option value="gcj02">{t('admin.polygons.gcj02')}</option>
            </select>
          )}
        </Field>
        <button type="submit" className="primary" disabled={!file || start.isPending || status === 'running'}>
          {t('admin.polygons.start')}
        </button>
      </div>
      {readError && <ErrorMessage error={readError} />}
      {start.isError && <ErrorMessage error={start.error} />}
      {job.isError && <ErrorMessage error={job.error} />}
      {job.data && (
        <JobProgress
          job={job.data}
          label={t('admin.polygons.progress')}
          done={
            result && (
              <p data-testid="polygons-done">
                {t('admin.polygons.done', { imported: result.imported.length })}
                {result.unmatched.length > 0 &&
                  ` ${t('admin.polygons.unmatched', { names: result.unmatched.join('、') })}`}
              </p>
            )
          }
        />
      )}
    </form>
  );
}
