/** The SQLSTATE of a failed query, whether TypeORM wrapped the driver's error or not. */
export function pgErrorCode(error: unknown): string | undefined {
  const failure = error as { code?: string; driverError?: { code?: string } } | null;
  return failure?.driverError?.code ?? failure?.code;
}

export const UNIQUE_VIOLATION = '23505';
export const QUERY_CANCELED = '57014';
