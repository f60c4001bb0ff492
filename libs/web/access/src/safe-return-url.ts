/** Where to go after signing in: a path inside Marea only, never another site (`//evil.example`). */
export function safeReturnUrl(candidate: string | null | undefined): string {
  return candidate && candidate.startsWith('/') && !candidate.startsWith('//') && !candidate.startsWith('/\\') ? candidate : '/';
}
