// Reading and writing the XLIFF 1.2 files of the web app's translations (docs/i18n.md): the
// extracted English units (messages.xlf) and one file per locale with a <target> per unit.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LOCALE_FOLDER = dirname(fileURLToPath(import.meta.url));
const WORKSPACE = resolve(LOCALE_FOLDER, '../../../..');

/** The locales the build translates to, with their files, as apps/web/project.json declares them. */
export function configuredLocales() {
  const project = JSON.parse(readFileSync(join(WORKSPACE, 'apps/web/project.json'), 'utf8'));
  return Object.entries(project.i18n?.locales ?? {}).map(([locale, entry]) => ({
    locale,
    file: join(WORKSPACE, typeof entry === 'string' ? entry : entry.translation),
  }));
}

const unescapeAttribute = (value) => value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The units of an XLIFF file in file order: id, source and target (inner XML), notes. */
export function readUnits(file) {
  const xml = readFileSync(file, 'utf8');
  const units = [];
  for (const [, id, body] of xml.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    units.push({
      id: unescapeAttribute(id),
      source: /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '',
      target: /<target(?: [^>]*)?>([\s\S]*?)<\/target>/.exec(body)?.[1] ?? null,
      notes: [...body.matchAll(/<note [^>]*>[\s\S]*?<\/note>/g)].map(([note]) => note),
    });
  }
  return units;
}

/**
 * The names of a message's placeholders (`<x id="INTERPOLATION"/>`) and ICU variables, sorted.
 * A set: a plural may use a placeholder in more (or fewer) cases than the English does.
 */
export function placeholdersOf(message) {
  const elements = [...message.matchAll(/<x id="([^"]+)"/g)].map(([, name]) => name);
  const icu = [...message.matchAll(/\{(VAR_[A-Z_0-9]+),/g)].map(([, name]) => name);
  return [...new Set([...elements, ...icu])].sort();
}

/** A locale file: every unit with its English source (for the translator) and its target. */
export function writeLocaleFile(locale, units) {
  const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const body = units
    .map(({ id, source, target, notes }) =>
      [
        `      <trans-unit id="${escapeAttribute(id)}" datatype="html">`,
        `        <source>${source}</source>`,
        `        <target state="translated">${target}</target>`,
        ...notes.map((note) => `        ${note}`),
        '      </trans-unit>',
      ].join('\n'),
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8" ?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="${locale}" datatype="plaintext" original="ng2.template">
    <body>
${body}
    </body>
  </file>
</xliff>
`;
}
