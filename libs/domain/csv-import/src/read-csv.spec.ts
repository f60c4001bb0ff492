import { CsvFileError } from './csv-file-error';
import { readCsv } from './read-csv';
import { renderRejectsCsv } from './rejects-report';

const utf8 = (text: string) => new TextEncoder().encode(text);
const auto = { delimiter: 'auto', encoding: 'utf-8' } as const;

function fileError(run: () => unknown): CsvFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof CsvFileError) return error;
    throw error;
  }
  throw new Error('expected a CsvFileError');
}

describe('readCsv', () => {
  it('drops a BOM so the first column keeps its name', () => {
    const table = readCsv(utf8('\uFEFFexternalId,email\nc1,a@b.es\n'), auto);
    expect(table.header).toEqual(['externalId', 'email']);
    expect(table.rows[0]).toMatchObject({ rowNumber: 2, cells: ['c1', 'a@b.es'] });
  });

  it('keeps a quoted newline inside its field and numbers rows as a spreadsheet does', () => {
    const table = readCsv(utf8('id,note\r\n1,"two\r\nlines"\r\n2,plain\r\n'), auto);
    expect(table.rows.map((r) => [r.rowNumber, r.cells[1]])).toEqual([
      [2, 'two\r\nlines'],
      [3, 'plain'],
    ]);
    expect(table.totalRows).toBe(2);
  });

  it('detects ; and tab delimiters', () => {
    expect(readCsv(utf8('a;b\n1;2\n'), auto).rows[0].cells).toEqual(['1', '2']);
    expect(readCsv(utf8('a\tb\n1\t2\n'), auto).delimiter).toBe('\t');
  });

  it('says which delimiter the file seems to use when the given one is wrong', () => {
    const error = fileError(() => readCsv(utf8('id;email\n1;a@b.es\n'), { delimiter: ',', encoding: 'utf-8' }));
    expect(error.code).toBe('WRONG_DELIMITER');
    expect(error.message).toContain("seems to use ';' as delimiter");
  });

  it('rejects a row with invalid UTF-8 bytes by row and column, keeping the good rows', () => {
    const bytes = new Uint8Array([...utf8('id,name\n1,Ana\n2,Jos'), 0xe9, ...utf8('\n3,Eva\n')]);
    const table = readCsv(bytes, auto);
    expect(table.rows.map((r) => r.cells[1])).toEqual(['Ana', 'Eva']);
    expect(table.rejects).toEqual([
      expect.objectContaining({ rowNumber: 3, column: 'name', message: expect.stringContaining('not valid UTF-8') }),
    ]);
  });

  it('reads a Windows-1252 file when told so', () => {
    const bytes = new Uint8Array([...utf8('id,name\n2,Jos'), 0xe9, ...utf8('\n')]);
    expect(readCsv(bytes, { delimiter: 'auto', encoding: 'windows-1252' }).rows[0].cells[1]).toBe('José');
  });

  it('rejects rows with the wrong number of columns', () => {
    const table = readCsv(utf8('a,b,c\n1,2,3\n1,2\n1,2,3,4\n'), auto);
    expect(table.rows).toHaveLength(1);
    expect(table.rejects.map((r) => [r.rowNumber, r.message])).toEqual([
      [3, 'has 2 columns, the header has 3'],
      [4, 'has 4 columns, the header has 3'],
    ]);
  });

  it('skips blank lines but keeps counting them as rows', () => {
    const table = readCsv(utf8('a,b\n\n1,2\n'), auto);
    expect(table.rows[0].rowNumber).toBe(3);
    expect(table.totalRows).toBe(1);
  });

  it('reports a quote that is never closed', () => {
    const table = readCsv(utf8('a,b\n1,2\n3,"open\n5,6\n'), auto);
    expect(table.rows).toHaveLength(1);
    expect(table.rejects[0]).toMatchObject({ rowNumber: 3, message: expect.stringContaining('never closed') });
  });

  it('refuses an empty file, a header without rows, and a duplicated column', () => {
    expect(fileError(() => readCsv(utf8(''), auto)).code).toBe('EMPTY_FILE');
    expect(fileError(() => readCsv(utf8('\uFEFF \n'), auto)).code).toBe('EMPTY_FILE');
    expect(fileError(() => readCsv(utf8('a,b\n'), auto)).code).toBe('NO_ROWS');
    expect(fileError(() => readCsv(utf8('a,A\n1,2\n'), auto)).message).toContain("column 'A' twice");
  });
});

describe('renderRejectsCsv', () => {
  it('writes a report that reads back to the same rejects', () => {
    const report = renderRejectsCsv([
      { row: 3, column: 'Quantity', message: 'must be a number, not "x"', raw: '1,"a, b",x' },
      { row: 4, column: null, message: 'has 2 columns, the header has 3', raw: null },
    ]);
    const table = readCsv(new TextEncoder().encode(report), { delimiter: 'auto', encoding: 'utf-8' });
    expect(table.header).toEqual(['row', 'column', 'message', 'original_row']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['3', 'Quantity', 'must be a number, not "x"', '1,"a, b",x'],
      ['4', '', 'has 2 columns, the header has 3', ''],
    ]);
  });
});
