export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** How often each candidate delimiter appears outside quotes in the header line. */
export function countDelimiters(headerLine: string): Record<Delimiter, number> {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(char)) counts[char as Delimiter] += 1;
  }
  return counts;
}

/** The candidate the header uses most; `,` when it has none (a one-column file). */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = countDelimiters(headerLine);
  return DELIMITERS.reduce((best, candidate) => (counts[candidate] > counts[best] ? candidate : best), ',' as Delimiter);
}

export function delimiterName(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : `'${delimiter}'`;
}
