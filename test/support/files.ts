import ExcelJS from 'exceljs';
import type { Test } from 'supertest';

export type SheetRow = Record<string, string | number | null>;

/** Parses the Swedish-Excel CSV (BOM, `;`, CRLF, fields quoted when they must be) into rows by header. */
export function parseCsv(body: Buffer): SheetRow[] {
  let text = body.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += ch;
    } else if (ch === ';') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      records.push([...record, field]);
      field = '';
      record = [];
      i += 1;
    } else {
      field += ch;
    }
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  const [header, ...rows] = records;
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}

/** Every worksheet of an XLSX file, as rows keyed by the header row's texts. */
export async function readXlsx(body: Buffer): Promise<Map<string, SheetRow[]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheets = new Map<string, SheetRow[]>();
  workbook.eachSheet((sheet) => {
    const header = (sheet.getRow(1).values as unknown[]).map((v) =>
      typeof v === 'string' ? v : '',
    );
    const rows: SheetRow[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = row.values as unknown[];
      rows.push(
        Object.fromEntries(
          header
            .map((h, i) => [h, (values[i] ?? null) as string | number | null])
            .filter(([h]) => h !== ''),
        ),
      );
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

/** A supertest request whose answer is kept as bytes: CSV and XLSX downloads. */
export function asBytes(request: Test): Test {
  return request.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
}
