import type { Actor } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import { CSV_TYPE, csvLines, xlsxTable, XLSX_TYPE } from '../../platform/tabular.js';
import { caseExportColumns, exportCases, type CaseExportRow } from '../cases/index.js';
import type { JobTools, ReportProgress } from '../jobs/index.js';
import { monthlyRanking, monthOf, rankingCsv, rankingXlsx, resolveScope } from '../metrics/index.js';
import type { ExportBody, ExportResult } from './exports.schema.js';

/** A day stamp for file names, China time. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');

/** The export's work as a job: builds the file, reporting progress, and keeps it with the job. */
export function exportWork(ctx: AppContext, actor: Actor, body: ExportBody) {
  return async (report: ReportProgress, tools: JobTools): Promise<ExportResult> => {
    const file =
      body.kind === 'cases'
        ? await casesFile(ctx, actor, body, report)
        : await rankingFile(ctx, actor, body, report);
    await report(0.95, { key: 'saving_file' });
    await tools.saveFile({ name: file.name, mimeType: file.mimeType, content: file.content });
    return { fileName: file.name, rows: file.rows };
  };
}

interface Made {
  name: string;
  mimeType: string;
  content: Buffer;
  rows: number;
}

async function casesFile(
  ctx: AppContext,
  actor: Actor,
  body: Extract<ExportBody, { kind: 'cases' }>,
  report: ReportProgress,
): Promise<Made> {
  await report(0.01, { key: 'reading_cases' });
  // CSV is written page by page; the workbook needs all rows at once (exceljs builds it whole).
  const csv: string[] = [];
  const all: CaseExportRow[] = [];
  let done = 0;
  for await (const page of exportCases(ctx.db, actor, body.filters)) {
    if (body.format === 'csv') csv.push(csvLines(caseExportColumns, page.rows, done === 0));
    else all.push(...page.rows);
    done += page.rows.length;
    // A case split off meanwhile can add to the count taken at the start: never past 0.9.
    await report(0.9 * (page.total === 0 ? 1 : Math.min(1, done / page.total)), {
      key: 'cases',
      done,
      total: page.total,
    });
  }
  const name = `cases-${today()}.${body.format}`;
  if (body.format === 'csv') {
    const text = done === 0 ? csvLines(caseExportColumns, [], true) : csv.join('');
    return { name, mimeType: CSV_TYPE, content: Buffer.from(`\uFEFF${text}`, 'utf8'), rows: done };
  }
  await report(0.9, { key: 'writing_file' });
  return { name, mimeType: XLSX_TYPE, content: await xlsxTable('案件', caseExportColumns, all), rows: done };
}

async function rankingFile(
  ctx: AppContext,
  actor: Actor,
  body: Extract<ExportBody, { kind: 'ranking' }>,
  report: ReportProgress,
): Promise<Made> {
  await report(0.05, { key: 'ranking' });
  const month = body.month ?? monthOf(new Date());
  const scopePath = await resolveScope(ctx.db, actor, body.unitId);
  const ranking = await monthlyRanking(ctx.db, { month, level: body.level, scopePath });
  await report(0.7, { key: 'writing_file' });
  const name = `ranking-${month}-${body.level}.${body.format}`;
  const content =
    body.format === 'csv' ? Buffer.from(rankingCsv(ranking), 'utf8') : await rankingXlsx(ranking);
  return { name, mimeType: body.format === 'csv' ? CSV_TYPE : XLSX_TYPE, content, rows: ranking.rows.length };
}
