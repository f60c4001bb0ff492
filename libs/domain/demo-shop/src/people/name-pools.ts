import { fakerES, fakerPL } from '@faker-js/faker';

/**
 * First names, last names and cities of Spain and Poland. Faker provides the name lists; we
 * only read them once and pick with our own seeded generator, which is far faster than asking
 * Faker per customer and keeps one source of randomness.
 */
export interface NamePool {
  readonly femaleFirst: readonly string[];
  readonly maleFirst: readonly string[];
  readonly femaleLast: readonly string[];
  readonly maleLast: readonly string[];
  /** Cities with their weights (rough population shares). */
  readonly cities: readonly string[];
  readonly cityWeights: readonly number[];
  readonly emailDomains: readonly string[];
}

type Definitions = { person?: { first_name?: { female?: string[]; male?: string[] }; last_name?: { generic?: string[] } } };

function definitions(faker: { rawDefinitions: unknown }): Definitions {
  return faker.rawDefinitions as Definitions;
}

const es = definitions(fakerES).person;
const pl = definitions(fakerPL).person;

/** Polish surnames agree with gender: Kowalski / Kowalska. */
function feminine(surname: string): string {
  return surname.replace(/ski$/, 'ska').replace(/cki$/, 'cka').replace(/dzki$/, 'dzka');
}

const spanishLast = es?.last_name?.generic ?? ['García'];
const polishLast = pl?.last_name?.generic ?? ['Kowalski'];

export const SPANISH_NAMES: NamePool = {
  femaleFirst: es?.first_name?.female ?? ['María'],
  maleFirst: es?.first_name?.male ?? ['José'],
  femaleLast: spanishLast,
  maleLast: spanishLast,
  cities: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Zaragoza', 'Málaga', 'Bilbao', 'Murcia', 'Palma', 'Valladolid', 'Alicante', 'Granada', 'Vigo', 'Gijón', 'Córdoba', 'Pamplona', 'San Sebastián', 'Santander'],
  cityWeights: [33, 16, 8, 7, 6, 6, 4, 4, 4, 3, 3, 3, 3, 2, 3, 2, 2, 2],
  emailDomains: ['gmail.com', 'hotmail.com', 'yahoo.es', 'outlook.es', 'telefonica.net', 'icloud.com'],
};

export const POLISH_NAMES: NamePool = {
  femaleFirst: pl?.first_name?.female ?? ['Anna'],
  maleFirst: pl?.first_name?.male ?? ['Jan'],
  femaleLast: polishLast.map(feminine),
  maleLast: polishLast,
  cities: ['Kraków', 'Wieliczka', 'Skawina', 'Niepołomice', 'Tarnów', 'Katowice', 'Warszawa', 'Wrocław', 'Nowy Sącz', 'Oświęcim'],
  cityWeights: [50, 8, 5, 4, 6, 8, 8, 4, 4, 3],
  emailDomains: ['gmail.com', 'wp.pl', 'onet.pl', 'interia.pl', 'o2.pl', 'outlook.com'],
};
