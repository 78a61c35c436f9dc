import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadJobFile, useJob, useStartExport, type ExportBody } from '../../api/jobs';
import { ErrorMessage } from '../Status';
import { JobProgress } from './JobProgress';

type Format = 'csv' | 'xlsx';

/**
 * 导出: a format choice and a button that starts an export job (POST /api/exports), its progress,
 * and once done a button that downloads the file. `request` builds the body from the format (the
 * screen's current filters go in it).
 */
export function ExportJob({
  request,
  testId,
  label,
}: {
  request: (format: Format) => ExportBody;
  testId: string;
  /** What is exported, shown first (the group's name too); 导出 when absent. */
  label?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [format, setFormat] = useState<Format>('csv');
  const [jobId, setJobId] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<Error | null>(null);
  const start = useStartExport();
  const job = useJob(jobId);
  const running = start.isPending || job.data?.status === 'running';
  const result =
    job.data?.status === 'succeeded' ? (job.data.result as { fileName: string; rows: number }) : null;
  const download = () => {
    setDownloadError(null);
    downloadJobFile(jobId!).catch((e: unknown) =>
      setDownloadError(e instanceof Error ? e : new Error(String(e))),
    );
  };
  return (
    <div
      className="export-job"
      role="group"
      aria-label={label ?? t('jobs.export.label')}
      data-testid={testId}
    >
      <div className="row">
        {label && <strong aria-hidden="true">{label}</strong>}
        <label htmlFor={id}>{t('jobs.export.format')}</label>
        <select
          id={id}
          value={format}
          onChange={(e) => setFormat(e.target.value === 'xlsx' ? 'xlsx' : 'csv')}
        >
          <option value="csv">{t('jobs.export.csv')}</option>
          <option value="xlsx">{t('jobs.export.xlsx')}</option>
        </select>
        <button
          type="button"
          disabled={running}
          onClick={() => start.mutate(request(format), { onSuccess: (j) => setJobId(j.id) })}
        >
          {t('jobs.export.start')}
        </button>
      </div>
      {start.isError && <ErrorMessage error={start.error} />}
      {job.isError && <ErrorMessage error={job.error} />}
      {job.data && (
        <JobProgress
          job={job.data}
          done={
            result && (
              <p className="row">
                <span>{t('jobs.export.ready', { name: result.fileName, rows: result.rows })}</span>
                <button type="button" className="primary" onClick={download}>
                  {t('jobs.export.download')}
                </button>
              </p>
            )
          }
        />
      )}
      {downloadError && <ErrorMessage error={downloadError} />}
    </div>
  );
}
