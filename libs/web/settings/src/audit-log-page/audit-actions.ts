/**
 * The actions the API writes to the audit log today, in words. An action not listed here (a
 * newer server) is still shown and filterable, by its code.
 */
const AUDIT_ACTIONS: Readonly<Record<string, string>> = {
  'session.signed-in': $localize`:@@audit.action.signedIn:Signed in`,
  'session.sign-in-failed': $localize`:@@audit.action.signInFailed:Sign-in failed`,
  'session.signed-out': $localize`:@@audit.action.signedOut:Signed out`,
  'user.first-admin': $localize`:@@audit.action.firstAdmin:First admin set up`,
  'user.invitation-accepted': $localize`:@@audit.action.invitationAccepted:Invitation accepted`,
  'user.invited': $localize`:@@audit.action.userInvited:User invited`,
  'user.role-changed': $localize`:@@audit.action.roleChanged:Role changed`,
  'user.deactivated': $localize`:@@audit.action.userDeactivated:User deactivated`,
  'user.reactivated': $localize`:@@audit.action.userReactivated:User reactivated`,
  'api-key.created': $localize`:@@audit.action.keyCreated:API key created`,
  'api-key.revoked': $localize`:@@audit.action.keyRevoked:API key revoked`,
  'customers.exported': $localize`:@@audit.action.exported:Customers exported`,
  'customers.merged': $localize`:@@audit.action.merged:Customers merged`,
  'customer.erased': $localize`:@@audit.action.erased:Customer erased`,
  'automation.activated': $localize`:@@audit.action.automationActivated:Automation activated`,
  'automation.deactivated': $localize`:@@audit.action.automationDeactivated:Automation deactivated`,
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS[action] ?? action;
}

/** Every action the filter offers: the known ones and any other the loaded entries contain, sorted by their words. */
export function auditActionChoices(seen: Iterable<string>): { action: string; label: string }[] {
  const actions = new Set([...Object.keys(AUDIT_ACTIONS), ...seen]);
  return [...actions].map((action) => ({ action, label: auditActionLabel(action) })).sort((a, b) => a.label.localeCompare(b.label));
}
