import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where every browser run photographs the main screens: `docs/screenshots/`, which the README
 * shows, so the pictures stay those of the current app (MAREA_SCREENSHOTS overrides).
 */
export const SCREENSHOTS = process.env['MAREA_SCREENSHOTS'] ?? resolve(__dirname, '../../../../docs/screenshots');

/** The path of a named screenshot, its folder created. */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}
