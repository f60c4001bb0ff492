/**
 * The role of the signed-in person in words, under their name in the shell. The shell depends on
 * no feature, so it keeps its own words for the three roles; an unknown role is shown as sent.
 */
const ROLE_LABELS: Readonly<Record<string, string>> = {
  admin: $localize`:@@shell.role.admin:Admin`,
  marketer: $localize`:@@shell.role.marketer:Marketer`,
  manager: $localize`:@@shell.role.manager:Manager`,
};

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}
