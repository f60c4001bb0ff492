import { readRejectsReport } from './read-rejects-report';

const report =
  '\uFEFFrow,column,message,original_row\r\n' +
  '3,email,must be an email address,"c3,Ana,not-an-email"\r\n' +
  '5,,"the row has 4 cells, the header 3","c5,""Bob"",x,y"\r\n' +
  '9,total,"must be a number\r\n(found ""abc"")",c9\r\n';

describe('readRejectsReport', () => {
  it('reads row, column and message, quotes and line breaks included', () => {
    expect(readRejectsReport(report, 100)).toEqual({
      truncated: false,
      rejects: [
        { row: 3, column: 'email', message: 'must be an email address', raw: 'c3,Ana,not-an-email' },
        { row: 5, column: null, message: 'the row has 4 cells, the header 3', raw: 'c5,"Bob",x,y' },
        { row: 9, column: 'total', message: 'must be a number\r\n(found "abc")', raw: 'c9' },
      ],
    });
  });

  it('stops at the limit and says there is more', () => {
    const preview = readRejectsReport(report, 2);
    expect(preview.rejects.map((reject) => reject.row)).toEqual([3, 5]);
    expect(preview.truncated).toBe(true);
  });

  it('reads a report without rejects as empty', () => {
    expect(readRejectsReport('\uFEFFrow,column,message,original_row\r\n', 10)).toEqual({ rejects: [], truncated: false });
  });
});
