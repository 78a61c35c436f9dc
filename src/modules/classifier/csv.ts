/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes, `""` is a quote inside a
 * quoted field, quoted fields may span lines, CRLF or LF line ends, an optional UTF-8 BOM.
 * Small enough to own, so the training command depends on no parser package.
 */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let line = 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new CsvError(`unterminated quoted field (opened before line ${line})`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export class CsvError extends Error {}

/** Rows of a CSV with a header, as records keyed by column name. Blank lines are skipped. */
export function readCsvRecords(input: string): { header: string[]; records: Array<Record<string, string>> } {
  const rows = parseCsv(input).filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
  const header = (rows[0] ?? []).map((h) => h.trim());
  const records = rows.slice(1).map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])));
  return { header, records };
}
