import type { EventPropertyFilter } from '@marea/contracts';

/**
 * Whether an event's properties pass a custom-event trigger's filters (the segment rules'
 * property tests, evaluated on one event). Date operators do not apply to a single event's
 * properties and never match.
 */
export function eventPropertiesMatch(filters: readonly EventPropertyFilter[], properties: Record<string, unknown>): boolean {
  return filters.every((filter) => testValue(filter.test, properties[filter.key]));
}

function testValue(test: EventPropertyFilter['test'], raw: unknown): boolean {
  if (raw === undefined || raw === null) return test.op === 'not_equals' || test.op === 'not_in' || test.op === 'not_contains';
  const text = String(raw);
  const number = typeof raw === 'number' ? raw : Number(raw);
  const same = (value: unknown) => String(value) === text;
  switch (test.op) {
    case 'equals':
      return same(test.value);
    case 'not_equals':
      return !same(test.value);
    case 'in':
      return test.values.some(same);
    case 'not_in':
      return !test.values.some(same);
    case 'contains':
      return text.toLowerCase().includes(test.value.toLowerCase());
    case 'not_contains':
      return !text.toLowerCase().includes(test.value.toLowerCase());
    case 'starts_with':
      return text.toLowerCase().startsWith(test.value.toLowerCase());
    case 'gt':
      return number > test.value;
    case 'gte':
      return number >= test.value;
    case 'lt':
      return number < test.value;
    case 'lte':
      return number <= test.value;
    case 'between':
      return typeof test.from === 'number' && typeof test.to === 'number' && number >= test.from && number <= test.to;
    default:
      return false;
  }
}
