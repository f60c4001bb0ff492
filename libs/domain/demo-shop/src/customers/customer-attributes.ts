import type { SeededRandom } from '../random/seeded-random';
import type { AttributeValue } from '../demo-shop-rows';
import type { Persona } from './personas';

/**
 * Tags a shop would put on customers: consent-driven ("newsletter"), value-driven ("vip"),
 * interest-driven ("eco") and a few hand-set ones ("b2b", "press").
 */
export function customerTags(random: SeededRandom, facts: { persona: string; vip: boolean; emailConsent: boolean; orders: number }): string[] {
  const tags: string[] = [];
  if (facts.emailConsent) tags.push('newsletter');
  if (facts.vip) tags.push('vip');
  if ((facts.persona === 'eco-grocer' || facts.persona === 'urban-gardener') && random.chance(0.5)) tags.push('eco');
  if (facts.persona === 'bargain-hunter' && random.chance(0.6)) tags.push('deal-seeker');
  if (facts.orders === 0 && random.chance(0.5)) tags.push('lead');
  if (random.chance(0.02)) tags.push('b2b');
  if (random.chance(0.003)) tags.push('press');
  return tags;
}

/**
 * Values of the typed custom fields (see CUSTOM_FIELDS). Not every customer has every field:
 * real data has gaps, and segments on "is empty" must have something to find.
 */
export function customerAttributes(
  random: SeededRandom,
  facts: { persona: Persona; polish: boolean; registeredAt: number; nowMs: number; orders: number; spendEur: number },
): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  const member = random.chance(facts.orders >= 5 ? 0.65 : 0.25);
  attributes['loyalty_member'] = member;
  if (member) {
    attributes['loyalty_points'] = Math.round(facts.spendEur);
    const since = facts.registeredAt + Math.floor(random.float() * (facts.nowMs - facts.registeredAt));
    attributes['member_since'] = new Date(since).toISOString().slice(0, 10);
  }
  if (random.chance(0.7)) attributes['has_garden'] = random.chance(facts.persona.hasGarden);
  if (random.chance(0.6)) attributes['children'] = facts.persona.name === 'young-family' ? random.int(1, 3) : random.chance(0.3) ? random.int(1, 2) : 0;
  if (random.chance(0.3)) attributes['preferred_contact'] = random.pick(facts.polish ? ['rano', 'popołudnie', 'wieczór'] : ['mañana', 'tarde', 'noche']);
  return attributes;
}
