/** Codes of requests refused by access control, sign-in and user administration. */
export type AccessRefusalCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF_TOKEN_INVALID'
  | 'RATE_LIMITED'
  | 'SIGN_IN_FAILED'
  | 'INVALID_REQUEST'
  | 'SETUP_DONE'
  | 'EMAIL_TAKEN'
  | 'USER_NOT_FOUND'
  | 'LAST_ADMIN'
  | 'INVITATION_INVALID'
  | 'RESET_IMPOSSIBLE'
  | 'RESET_LINK_INVALID'
  | 'API_KEY_NOT_FOUND';
