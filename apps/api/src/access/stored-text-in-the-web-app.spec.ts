import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * The security bar of the web app: stored text (names, notes, template output, anything a
 * customer or an integration sent) is shown as text, never as HTML, except the email preview,
 * which is HTML by nature and is shown in an iframe sandboxed without scripts. Angular escapes
 * every `{{ }}` interpolation and sanitises `[innerHTML]`; HTML gets through only by an explicit
 * way around it, so this test reads the web app's source for every such way.
 */
const ROOT = resolve(__dirname, '../../../..');
const SOURCES = ['libs/web', 'apps/web/src'];

/** Ways of putting HTML into the page without Angular's escaping. */
const RAW_HTML = /\[innerHTML\]|\.innerHTML\b|outerHTML|insertAdjacentHTML|document\.write|bypassSecurityTrust(?!Html\b)\w+|\[outerHTML\]/;
/** The one allowed way, for the email preview: reviewed file by file. */
const TRUSTED_HTML = /bypassSecurityTrustHtml/;
const SANDBOXED_PREVIEWS = ['libs/web/automations/src/message-tools/message-tools.ts', 'libs/web/messages/src/message-view/message-view.ts'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|html)$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** A component's markup: its inline template and its templateUrl file. */
function templateOf(file: string): string {
  const sibling = file.replace(/\.ts$/, '.html');
  return readFileSync(file, 'utf8') + (existsSync(sibling) ? readFileSync(sibling, 'utf8') : '');
}

describe('stored text in the web app', () => {
  const files = SOURCES.flatMap((folder) => sourceFiles(join(ROOT, folder)));

  it('is never put into the page as HTML', () => {
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((file) => RAW_HTML.test(readFileSync(file, 'utf8'))).map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  it('is trusted as HTML only by the email previews, each shown in an iframe sandboxed without scripts', () => {
    const trusting = files.filter((file) => TRUSTED_HTML.test(readFileSync(file, 'utf8'))).map((file) => relative(ROOT, file)).sort();
    expect(trusting).toEqual(SANDBOXED_PREVIEWS);
    for (const file of trusting) {
      const markup = templateOf(join(ROOT, file));
      const frames = markup.match(/<iframe[^>]*>/g) ?? [];
      expect({ file, frames: frames.length }).toEqual({ file, frames: 1 });
      expect(frames[0]).toMatch(/\ssandbox=""/);
      expect(frames[0]).toMatch(/\[srcdoc\]=/);
      expect(markup).not.toMatch(/allow-scripts|allow-same-origin/);
    }
  });
});
