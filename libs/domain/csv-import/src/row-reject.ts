/** A row of the file that was not imported, or one of the reasons why (a row may have several). */
export interface RowReject {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  readonly rowNumber: number;
  /** The file's column to blame, when there is one. */
  readonly column: string | null;
  readonly message: string;
  /** The row as written in the file. */
  readonly raw: string | null;
}
