/**
 * Where a timeline page ended: the time of its last entry (as PostgreSQL wrote it, microseconds
 * included, so no entry is skipped or repeated) and that entry's key, which breaks ties between
 * entries of the same instant. Opaque to clients: base64url of `at|key`.
 */
export interface TimelineCursor {
  readonly at: string;
  readonly key: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const KEY = /^[a-z]:[^]{1,260}$/;

export function encodeTimelineCursor(cursor: TimelineCursor): string {
  const bytes = new TextEncoder().encode(`${cursor.at}|${cursor.key}`);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The cursor in `before`, or null when it is not one this API wrote. */
export function decodeTimelineCursor(text: string): TimelineCursor | null {
  let decoded: string;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return null;
  }
  const bar = decoded.indexOf('|');
  if (bar < 0) return null;
  const at = decoded.slice(0, bar);
  const key = decoded.slice(bar + 1);
  return INSTANT.test(at) && KEY.test(key) ? { at, key } : null;
}
