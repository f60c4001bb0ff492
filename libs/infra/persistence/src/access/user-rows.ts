import type { Role, User, UserStatus } from '@marea/contracts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  password_hash: string | null;
  invitation_hash: Buffer | null;
  invitation_expires_at: Date | null;
  invited_at: Date | null;
  last_sign_in_at: Date | null;
  created_at: Date;
}

export const USER_COLUMNS = `id::text AS id, email, name, role, active, password_hash, invitation_hash, invitation_expires_at,
  invited_at, last_sign_in_at, created_at`;

function status(row: UserRow): UserStatus {
  if (!row.active) return 'deactivated';
  if (row.password_hash) return 'active';
  return row.invitation_hash ? 'invited' : 'none';
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: status(row),
    invitedAt: row.invited_at?.toISOString() ?? null,
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
