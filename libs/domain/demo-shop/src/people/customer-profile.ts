import type { SeededRandom } from '../random/seeded-random';
import { WeightedPicker } from '../random/weighted-picker';
import type { Persona } from '../customers/personas';
import { POLISH_NAMES, SPANISH_NAMES, type NamePool } from './name-pools';

export interface CustomerProfile {
  readonly firstName: string;
  readonly lastName: string;
  readonly gender: 'female' | 'male' | 'other';
  readonly birthDate: string | null;
  readonly documentNumber: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly city: string;
  readonly country: 'ES' | 'PL';
  readonly language: 'es' | 'pl';
}

const YEAR_MS = 365.2425 * 86_400_000;
const cityPickers = new Map<NamePool, WeightedPicker<string>>();

function cityPicker(pool: NamePool): WeightedPicker<string> {
  let picker = cityPickers.get(pool);
  if (!picker) cityPickers.set(pool, (picker = new WeightedPicker(pool.cities, pool.cityWeights)));
  return picker;
}

const asciiCache = new Map<string, string>();

/** Names repeat a lot: cache their e-mail-safe form (normalize() is slow). */
function ascii(text: string): string {
  let cached = asciiCache.get(text);
  if (cached === undefined) asciiCache.set(text, (cached = toAscii(text)));
  return cached;
}

function toAscii(text: string): string {
  return text
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function digits(random: SeededRandom, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += String(random.int(0, 9));
  return text;
}

/** A Spanish DNI: eight digits and the control letter of their remainder modulo 23. */
function dni(random: SeededRandom): string {
  const number = random.int(10_000_000, 79_999_999);
  return `${number}${'TRWAGMYFPDXBNJZSQVHLCKE'[number % 23]}`;
}

/** A Polish PESEL: birth date (month + 20 after 1999), serial with the sex digit, checksum. */
function pesel(random: SeededRandom, birthDate: string, female: boolean): string {
  const [year, month, day] = birthDate.split('-').map(Number);
  const encodedMonth = year >= 2000 ? month + 20 : month;
  const serial = digits(random, 3) + String(random.int(0, 4) * 2 + (female ? 0 : 1));
  const body = `${String(year % 100).padStart(2, '0')}${String(encodedMonth).padStart(2, '0')}${String(day).padStart(2, '0')}${serial}`;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = body.split('').reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return body + String((10 - (sum % 10)) % 10);
}

/**
 * Who the customer is: a Spanish or Polish name agreeing with gender, an email that embeds the
 * customer number (so it is unique), a mobile phone in E.164, a birthday fitting the persona's
 * age range, a city, and sometimes a national document number.
 */
export function customerProfile(random: SeededRandom, id: number, polish: boolean, persona: Persona, nowMs: number): CustomerProfile {
  const pool = polish ? POLISH_NAMES : SPANISH_NAMES;
  const roll = random.float();
  const gender = roll < 0.01 ? 'other' : roll < 0.01 + 0.99 * persona.female ? 'female' : 'male';
  const female = gender === 'female' || (gender === 'other' && random.chance(0.5));
  const firstName = random.pick(female ? pool.femaleFirst : pool.maleFirst);
  const lastName = polish ? random.pick(female ? pool.femaleLast : pool.maleLast) : `${random.pick(pool.maleLast)} ${random.pick(pool.maleLast)}`;

  const age = random.between(persona.ageRange[0], persona.ageRange[1]);
  const birthDate = random.chance(0.85) ? new Date(nowMs - age * YEAR_MS).toISOString().slice(0, 10) : null;

  const first = ascii(firstName);
  const last = ascii(lastName.split(' ')[0]);
  const pattern = random.int(0, 2);
  const local = pattern === 0 ? `${first}.${last}${id}` : pattern === 1 ? `${first[0]}${last}${id}` : `${first}${id}`;
  const email = random.chance(0.95) ? `${local}@${random.pick(pool.emailDomains)}` : null;
  const phone = random.chance(0.72) ? (polish ? `+48${random.pick(['5', '6', '7', '8'])}${digits(random, 8)}` : `+34${random.pick(['6', '7'])}${digits(random, 8)}`) : null;

  let documentNumber: string | null = null;
  if (random.chance(0.35)) documentNumber = polish ? (birthDate ? pesel(random, birthDate, female) : null) : dni(random);

  return {
    firstName,
    lastName,
    gender,
    birthDate,
    documentNumber,
    email,
    phone,
    city: cityPicker(pool).pick(random),
    country: polish ? 'PL' : 'ES',
    language: polish ? 'pl' : 'es',
  };
}
