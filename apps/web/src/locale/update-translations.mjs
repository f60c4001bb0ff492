#!/usr/bin/env node
// Writes a locale's translation file (docs/i18n.md):
//
//   node apps/web/src/locale/update-translations.mjs es new-es.json
//
// new-es.json maps unit ids to translations, e.g. { "nav.customers": "Clientes",
// "customers.count": "{$INTERPOLATION} clientes" }: text, with each placeholder written {$NAME}
// (it becomes the source's own <x id="NAME" …/> element). Existing translations are kept unless
// the JSON gives a new one, each beside the English it translates (so missing-translations.mjs
// still reports it when that English has changed); units no longer in messages.xlf are dropped;
// units are written in the order of messages.xlf. Without a JSON it only does that.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configuredLocales, LOCALE_FOLDER, placeholdersOf, readUnits, writeLocaleFile } from './xliff-units.mjs';

const [locale, translationsFile] = process.argv.slice(2);
const target = configuredLocales().find((entry) => entry.locale === locale);
if (!target) {
  console.error(`Usage: update-translations.mjs <locale> [translations.json]; locales: ${configuredLocales().map((entry) => entry.locale).join(', ')}`);
  process.exit(2);
}

const english = readUnits(join(LOCALE_FOLDER, 'messages.xlf'));
const existing = new Map((existsSync(target.file) ? readUnits(target.file) : []).map((unit) => [unit.id, unit]));
const given = translationsFile ? JSON.parse(readFileSync(translationsFile, 'utf8')) : {};

const known = new Set(english.map((unit) => unit.id));
const unknown = Object.keys(given).filter((id) => !known.has(id));
if (unknown.length > 0) throw new Error(`Not units of messages.xlf (extract again?): ${unknown.join(', ')}`);

const escapeText = (text) => text.replace(/&(?!(amp|lt|gt|quot|apos|#\d+);)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The translation as XLIFF: escaped text, and {$NAME} replaced by the source's placeholder element. */
function toXliff(id, source, translation) {
  const elements = new Map([...source.matchAll(/<x id="([^"]+)"[^>]*\/>/g)].map(([element, name]) => [name, element]));
  return translation
    .split(/(\{\$[A-Za-z0-9_]+\}|<x [^>]*\/>)/)
    .map((part, index) => {
      if (index % 2 === 0) return escapeText(part);
      if (part.startsWith('<x ')) return part;
      const element = elements.get(part.slice(2, -1));
      if (!element) throw new Error(`${id}: ${part} is not a placeholder of "${source}"`);
      return element;
    })
    .join('');
}

const problems = [];
const units = english.flatMap(({ id, source, notes }) => {
  if (!(id in given)) {
    const kept = existing.get(id);
    // A kept translation keeps the English it translates, so a changed English stays reported.
    return kept?.target ? [{ id, source: kept.source, target: kept.target, notes }] : [];
  }
  const translation = toXliff(id, source, given[id]);
  if (placeholdersOf(translation).join() !== placeholdersOf(source).join()) problems.push(`${id}: ${translation}`);
  return [{ id, source, target: translation, notes }];
});
if (problems.length > 0) throw new Error(`Placeholders differ from the English:\n${problems.join('\n')}`);

writeFileSync(target.file, writeLocaleFile(locale, units));
console.log(`${locale}: ${units.length} of ${english.length} units translated (${Object.keys(given).length} from ${translationsFile ?? 'no file'})`);
