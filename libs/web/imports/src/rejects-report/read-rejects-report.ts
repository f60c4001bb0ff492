import type { ImportReject } from '@marea/contracts';

/** The start of an import's rejects report, and whether the report goes on beyond it. */
export interface RejectsPreview {
  readonly rejects: readonly ImportReject[];
  readonly truncated: boolean;
}

/**
 * Reads the first `limit` rejects of the report `GET /api/v1/imports/{id}/rejects` serves
 * (`row,column,message,original_row`, RFC 4180 quoting, a UTF-8 BOM). The API has no JSON form of
 * the rejects yet; this is the one place to change when it has.
 */
export function readRejectsReport(csv: string, limit: number): RejectsPreview {
  const rejects: ImportReject[] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let header = true;
  const text = csv.startsWith('\uFEFF') ? csv.slice(1) : csv;

  const endRecord = (): boolean => {
    record.push(field);
    field = '';
    if (header) header = false;
    else if (record.length >= 3) {
      const [row, column, message, raw] = record;
      rejects.push({ row: Number(row), column: column || null, message, raw: raw ?? null });
    }
    record = [];
    return rejects.length > limit;
  };

  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      if (endRecord()) return { rejects: rejects.slice(0, limit), truncated: true };
    } else field += char;
  }
  if (field !== '' || record.length > 0) endRecord();
  return { rejects: rejects.slice(0, limit), truncated: rejects.length > limit };
}
