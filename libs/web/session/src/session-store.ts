import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { SessionInfo, SetupStatus, SignedInUser } from '@marea/contracts';
import { firstValueFrom } from 'rxjs';

const SESSION = '/api/v1/session';

/**
 * Who is signed in, as the server says. The session itself is an httpOnly cookie the app never
 * sees; what it keeps is the user and the CSRF token it must send with every change.
 * `undefined` until asked, `null` when nobody is signed in.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly http = inject(HttpClient);
  private readonly current = signal<SessionInfo | null | undefined>(undefined);

  readonly user = computed<SignedInUser | null>(() => this.current()?.user ?? null);
  readonly csrfToken = computed(() => this.current()?.csrfToken ?? null);

  /** Asks the server once; later calls answer from memory until the session changes. */
  async load(): Promise<SessionInfo | null> {
    const known = this.current();
    if (known !== undefined) return known;
    try {
      this.current.set(await firstValueFrom(this.http.get<SessionInfo>(SESSION)));
    } catch (error) {
      if (!(error instanceof HttpErrorResponse && error.status === 401)) throw error;
      this.current.set(null);
    }
    return this.current() ?? null;
  }

  needsFirstAdmin(): Promise<boolean> {
    return firstValueFrom(this.http.get<SetupStatus>('/api/v1/setup')).then((status) => status.needsFirstAdmin);
  }

  async signIn(email: string, password: string): Promise<void> {
    this.current.set(await firstValueFrom(this.http.post<SessionInfo>(SESSION, { email, password })));
  }

  async createFirstAdmin(email: string, name: string, password: string): Promise<void> {
    this.current.set(await firstValueFrom(this.http.post<SessionInfo>('/api/v1/setup', { email, name, password })));
  }

  async acceptInvitation(token: string, password: string): Promise<void> {
    this.current.set(await firstValueFrom(this.http.post<SessionInfo>('/api/v1/invitations/accept', { token, password })));
  }

  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.http.delete<void>(SESSION));
    } finally {
      this.current.set(null);
    }
  }

  /** The server refused the session (expired, deactivated): forget it, so the guard asks for a sign-in. */
  forget(): void {
    this.current.set(null);
  }
}
