/**
 * Every sensitive action the audit log records. Features that add one (exports, erasures,
 * merges, automation activations) add its name here, so the log's vocabulary is in one place.
 */
export const AUDIT_ACTIONS = [
  'user.first-admin',
  'user.invited',
  'user.invitation-accepted',
  'user.role-changed',
  'user.deactivated',
  'user.reactivated',
  'user.password-reset-issued',
  'user.password-reset-requested',
  'user.password-reset',
  'session.signed-in',
  'session.sign-in-failed',
  'session.signed-out',
  'api-key.created',
  'api-key.revoked',
  'account.updated',
  'customers.exported',
  'customer.erased',
  'customers.merged',
  'automation.activated',
  'automation.deactivated',
  'persona-enrichment.applied',
  'persona-enrichment.reverted',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
