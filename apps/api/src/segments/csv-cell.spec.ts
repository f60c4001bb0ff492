import { csvCell, csvLine } from './csv-cell';

describe('a CSV cell of a segment export', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+34 600 000 000', "'+34 600 000 000"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
  ])('shows %j as text, never as a formula', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves ordinary values alone and quotes delimiters, quotes and line breaks', () => {
    expect(csvLine(['Lucía', 'Pérez, Ana', 'say "hi"', 'two\nlines', null, ''])).toBe('Lucía,"Pérez, Ana","say ""hi""","two\nlines",,\r\n');
  });
});
