import { InjectionToken, type Signal } from '@angular/core';

/** The signed-in person as the shell shows them. */
export interface ShellUser {
  readonly name: string;
  readonly email: string;
  readonly role: string;
}

/**
 * What the shell needs to know of the session: who is signed in (for the user menu and the
 * screens their role may open) and how to sign out. The app provides it from the access feature,
 * so the shell depends on no feature.
 */
export interface ShellSession {
  readonly user: Signal<ShellUser | null>;
  signOut(): Promise<void>;
}

export const SHELL_SESSION = new InjectionToken<ShellSession>('ShellSession');
