import type { KeyScope, Role, UserStatus } from '@marea/contracts';

export const ROLE_LABELS: Record<Role, string> = {
  admin: $localize`:@@access.role.admin:Admin`,
  marketer: $localize`:@@access.role.marketer:Marketer`,
  manager: $localize`:@@access.role.manager:Manager`,
};

export const STATUS_LABELS: Record<UserStatus, string> = {
  none: $localize`:@@access.status.none:Not invited`,
  invited: $localize`:@@access.status.invited:Invited`,
  active: $localize`:@@access.status.active:Active`,
  deactivated: $localize`:@@access.status.deactivated:Deactivated`,
};

export const SCOPE_LABELS: Record<KeyScope, string> = {
  ingest: $localize`:@@access.scope.ingest:Ingest: push data in`,
  read: $localize`:@@access.scope.read:Read`,
  admin: $localize`:@@access.scope.admin:Admin: everything`,
};

export const ROLES: Role[] = ['admin', 'marketer', 'manager'];
export const SCOPES: KeyScope[] = ['ingest', 'read', 'admin'];
