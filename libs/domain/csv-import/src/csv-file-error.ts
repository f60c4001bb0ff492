/** Why a whole file cannot be imported (as opposed to a bad row, which is a RowReject). */
export type CsvFileErrorCode =
  | 'EMPTY_FILE'
  | 'NO_ROWS'
  | 'WRONG_DELIMITER'
  | 'UNREADABLE_ENCODING'
  | 'DUPLICATE_COLUMN'
  | 'UNKNOWN_COLUMN'
  | 'UNKNOWN_FIELD'
  | 'DUPLICATE_FIELD'
  | 'MISSING_COLUMN';

/** A file-level problem: the job fails with this message, nothing is imported. */
export class CsvFileError extends Error {
  constructor(
    readonly code: CsvFileErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CsvFileError';
  }
}
