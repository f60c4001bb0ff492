#!/usr/bin/env node
// Which units of messages.xlf each locale lacks, before the build refuses them
// (i18nMissingTranslation: error). Run after `npx nx extract-i18n web` (docs/i18n.md):
//
//   node apps/web/src/locale/missing-translations.mjs          a report; exit code 1 if a locale lacks a unit
//   node apps/web/src/locale/missing-translations.mjs --json   every finding as JSON (the unit test reads it)
//   node apps/web/src/locale/missing-translations.mjs --todo es   the missing units of es as a JSON
//                                                                  skeleton for update-translations.mjs
//
// Per locale: `missing` (no target: the build fails), `placeholders` (a target whose placeholders
// differ from its source's: the build fails or shows the wrong value), `changed` (the English
// changed since the translation: it builds, but the translation may say something else) and
// `unused` (units no longer in the app: harmless, dropped by update-translations.mjs).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { configuredLocales, LOCALE_FOLDER, placeholdersOf, readUnits } from './xliff-units.mjs';

/** Placeholders written back in the short form update-translations.mjs reads: {$INTERPOLATION}. */
const shortForm = (message) =>
  message
    .replace(/<x id="([^"]+)"[^>]*\/>/g, '{$$$1}')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function translationReport() {
  const english = readUnits(join(LOCALE_FOLDER, 'messages.xlf'));
  const report = {};
  for (const { locale, file } of configuredLocales()) {
    const translated = new Map((existsSync(file) ? readUnits(file) : []).map((unit) => [unit.id, unit]));
    const entry = { missing: [], placeholders: [], changed: [], unused: [] };
    for (const unit of english) {
      const translation = translated.get(unit.id);
      translated.delete(unit.id);
      if (!translation?.target?.trim()) {
        entry.missing.push({ id: unit.id, source: shortForm(unit.source) });
      } else if (placeholdersOf(translation.target).join() !== placeholdersOf(unit.source).join()) {
        entry.placeholders.push({ id: unit.id, source: shortForm(unit.source), target: shortForm(translation.target) });
      } else if (translation.source !== unit.source) {
        entry.changed.push({ id: unit.id, was: shortForm(translation.source), now: shortForm(unit.source) });
      }
    }
    entry.unused = [...translated.keys()];
    report[locale] = entry;
  }
  return report;
}

const report = translationReport();
const [option, todoLocale] = process.argv.slice(2);
if (option === '--json') {
  console.log(JSON.stringify(report, null, 2));
} else if (option === '--todo') {
  const entry = report[todoLocale];
  if (!entry) throw new Error(`No locale "${todoLocale}" in apps/web/project.json (i18n.locales)`);
  const todo = [...entry.missing, ...entry.placeholders, ...entry.changed.map(({ id, now }) => ({ id, source: now }))];
  console.log(JSON.stringify(Object.fromEntries(todo.map(({ id, source }) => [id, source])), null, 2));
} else {
  for (const [locale, { missing, placeholders, changed, unused }] of Object.entries(report)) {
    console.log(`${locale}: ${missing.length} missing, ${placeholders.length} with wrong placeholders, ${changed.length} changed in English, ${unused.length} unused`);
    for (const { id, source } of missing) console.log(`  missing       ${id}: ${source}`);
    for (const { id, target } of placeholders) console.log(`  placeholders  ${id}: ${target}`);
    for (const { id, now } of changed) console.log(`  changed       ${id}: ${now}`);
  }
  const failing = Object.values(report).some(({ missing, placeholders }) => missing.length + placeholders.length > 0);
  process.exitCode = failing ? 1 : 0;
}
