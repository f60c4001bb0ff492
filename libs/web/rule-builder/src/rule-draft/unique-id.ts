let next = 0;

/** An id unique in the page, so each label points at its own control however many conditions there are. */
export function uniqueId(prefix: string): string {
  next += 1;
  return `${prefix}-${next}`;
}
