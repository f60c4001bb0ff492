import type { SuppressionChannel } from '@marea/engine/tracking';

/**
 * One address, one spelling: an email is trimmed and lower-cased (mailbox names are
 * case-insensitive in practice), a phone number loses its spaces, dashes, dots and brackets and
 * a leading 00 becomes +, so '+34 600-12 34 56' and '0034600123456' are one suppressed number.
 */
export function normaliseAddress(channel: SuppressionChannel, address: string): string {
  if (channel === 'email') return address.trim().toLowerCase();
  const compact = address.replace(/[\s\-.()/]/g, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}
