/** One page of Settings, as its secondary navigation lists it. */
export interface SettingsSection {
  readonly path: string;
  readonly label: string;
  /** Only admins may open it (the API refuses everyone else too). */
  readonly adminOnly: boolean;
}

/**
 * The pages of Settings, in the order they are listed. The account is readable by every role;
 * people, keys and the audit log are the admins'.
 */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { path: 'account', label: $localize`:@@settings.nav.account:Account`, adminOnly: false },
  { path: 'users', label: $localize`:@@settings.nav.users:Users`, adminOnly: true },
  { path: 'api-keys', label: $localize`:@@settings.nav.apiKeys:API keys`, adminOnly: true },
  { path: 'audit-log', label: $localize`:@@settings.nav.auditLog:Audit log`, adminOnly: true },
];

/** The sections a role may open. */
export function sectionsFor(role: string | undefined): SettingsSection[] {
  return SETTINGS_SECTIONS.filter((section) => !section.adminOnly || role === 'admin');
}
