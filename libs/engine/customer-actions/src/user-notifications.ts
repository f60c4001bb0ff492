export interface UserNotificationNote {
  /** null: every admin and marketer. */
  readonly userId: string | null;
  readonly message: string;
  readonly link?: string;
}

export interface UserNotifications {
  /** Idempotent on `effectKey`: a retried step does not notify twice. */
  notify(effectKey: string, note: UserNotificationNote): Promise<void>;
}
