import type { Principal } from './principal';

/**
 * Which customers a principal may see. A manager sees only the customers whose `manager_id` is
 * theirs; admins, marketers and keys see all. Every query of customers (lists, profiles, metrics,
 * tasks) restricts itself with this, through `customerVisibilitySql` in the persistence layer.
 */
export type CustomerVisibility = { readonly kind: 'all' } | { readonly kind: 'managed-by'; readonly userId: string };

export function customerVisibility(principal: Principal): CustomerVisibility {
  return principal.kind === 'user' && principal.role === 'manager' ? { kind: 'managed-by', userId: principal.userId } : { kind: 'all' };
}
