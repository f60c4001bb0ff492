/** Where a page of tasks ended: the sort time (microseconds, as text) and the id of its last task. */
export interface TaskCursor {
  readonly at: string;
  readonly id: string;
}

export function encodeTaskCursor(cursor: TaskCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

/** null for anything that is not a cursor this API wrote. */
export function decodeTaskCursor(text: string): TaskCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString());
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [at, id] = value;
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !/^[1-9]\d{0,18}$/.test(id)) return null;
    return { at, id };
  } catch {
    return null;
  }
}
