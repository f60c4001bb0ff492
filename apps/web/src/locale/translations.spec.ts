import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

interface LocaleFindings {
  missing: { id: string; source: string }[];
  placeholders: { id: string; source: string; target: string }[];
}

/** What missing-translations.mjs finds (the same script the docs give for fixing it). */
function findings(): Record<string, LocaleFindings> {
  const run = spawnSync(process.execPath, [join(__dirname, 'missing-translations.mjs'), '--json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`missing-translations.mjs failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

describe('the translations of the web app', () => {
  const report = findings();

  it('covers Spanish, Polish and Portuguese', () => {
    expect(Object.keys(report).sort()).toEqual(['es', 'pl', 'pt']);
  });

  // The build refuses a missing translation too (i18nMissingTranslation: error); this says which
  // ids, and docs/i18n.md says how to add them.
  it.each(['es', 'pl', 'pt'])('%s translates every unit of messages.xlf', (locale) => {
    expect({ locale, missing: report[locale].missing.map((unit) => `${unit.id}: ${unit.source}`) }).toEqual({ locale, missing: [] });
  });

  it.each(['es', 'pl', 'pt'])('%s keeps the placeholders of every English message', (locale) => {
    expect({ locale, placeholders: report[locale].placeholders.map((unit) => `${unit.id}: ${unit.target}`) }).toEqual({ locale, placeholders: [] });
  });
});
