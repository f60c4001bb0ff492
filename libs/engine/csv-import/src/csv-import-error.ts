export type CsvImportErrorCode = 'INVALID_IMPORT_OPTIONS' | 'IMPORT_NOT_FOUND';

/** A request about imports that cannot be served; the API maps the code to a status. */
export class CsvImportError extends Error {
  constructor(
    readonly code: CsvImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CsvImportError';
  }
}
