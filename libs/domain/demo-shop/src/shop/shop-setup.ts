import type { AccountRow, CustomFieldRow, ManagerRow, StoreRow } from '../demo-shop-rows';
import type { TaxClass } from '../catalogue/category-tree';

export const ACCOUNT: AccountRow = { name: 'Marea Demo · Tienda Verde', currency: 'EUR', timezone: 'Europe/Madrid' };

/** A Spanish web shop in EUR and a physical store in Kraków in PLN. */
export const STORES: readonly StoreRow[] = [
  { id: 1, externalId: 'web-es', name: 'Tienda Verde online', channel: 'ecommerce', currency: 'EUR', timezone: 'Europe/Madrid', country: 'ES' },
  { id: 2, externalId: 'store-krakow', name: 'Zielony Sklep Kraków', channel: 'store', currency: 'PLN', timezone: 'Europe/Warsaw', country: 'PL' },
];
export const WEB_STORE = STORES[0];
export const PHYSICAL_STORE = STORES[1];

/** VAT by country and tax class (Spain: IVA 21/10/4 %; Poland: 23/8/5 %). */
const TAX_RATES: Record<'ES' | 'PL', Record<TaxClass, number>> = {
  ES: { general: 0.21, reduced: 0.1, super_reduced: 0.04 },
  PL: { general: 0.23, reduced: 0.08, super_reduced: 0.05 },
};

export function taxRate(country: 'ES' | 'PL', taxClass: TaxClass): number {
  return TAX_RATES[country][taxClass];
}

/** Typed extended attributes the demo customers carry. */
export const CUSTOM_FIELDS: readonly CustomFieldRow[] = [
  { key: 'loyalty_member', label: 'Loyalty club member', type: 'boolean' },
  { key: 'loyalty_points', label: 'Loyalty points', type: 'number' },
  { key: 'has_garden', label: 'Has a garden or terrace', type: 'boolean' },
  { key: 'children', label: 'Children at home', type: 'number' },
  { key: 'member_since', label: 'Club member since', type: 'date' },
  { key: 'preferred_contact', label: 'Preferred contact time', type: 'text' },
];

const SPANISH_MANAGERS = ['Lucía Ortega', 'Javier Morales', 'Carmen Ruiz', 'Pablo Navarro', 'Marta Gil', 'Sergio Castro', 'Elena Vidal', 'Raúl Domínguez'];
const POLISH_MANAGERS = ['Katarzyna Nowak', 'Piotr Wiśniewski', 'Agnieszka Zielińska', 'Tomasz Lewandowski'];

/**
 * The sales / customer-care managers: about one per thousand customers (at least 3, at most
 * 24), two Spanish for every Polish one since two customers in three are Spanish.
 */
export function managersFor(customerCount: number): ManagerRow[] {
  const count = Math.min(24, Math.max(3, Math.round(customerCount / 1000)));
  const managers: ManagerRow[] = [];
  for (let number = 1; number <= count; number++) {
    const polish = number % 3 === 0;
    const names = polish ? POLISH_MANAGERS : SPANISH_MANAGERS;
    const ordinal = polish ? number / 3 - 1 : number - Math.floor(number / 3) - 1;
    const base = names[ordinal % names.length];
    const round = Math.floor(ordinal / names.length);
    const name = round === 0 ? base : `${base} ${round + 1}`;
    const local = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ł/g, 'l')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '.');
    managers.push({ number, name, email: `${local}@tiendaverde.example`, country: polish ? 'PL' : 'ES' });
  }
  return managers;
}
