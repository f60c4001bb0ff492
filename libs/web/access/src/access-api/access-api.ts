import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ApiKey, CreatedApiKey, Invitation, KeyScope, PasswordResetLink, Role, User } from '@marea/contracts';
import { firstValueFrom } from 'rxjs';

export const USERS_URL = '/api/v1/users';
export const API_KEYS_URL = '/api/v1/api-keys';
export const PASSWORD_RESET_URL = '/api/v1/session/password-reset';

/** Calls of the access API: users, API keys and password resets (lists are read with httpResource). */
@Injectable({ providedIn: 'root' })
export class AccessApi {
  private readonly http = inject(HttpClient);

  invite(email: string, name: string, role: Role): Promise<Invitation> {
    return firstValueFrom(this.http.post<Invitation>(USERS_URL, { email, name, role }));
  }

  updateUser(id: string, change: { role?: Role; active?: boolean }): Promise<User> {
    return firstValueFrom(this.http.patch<User>(`${USERS_URL}/${encodeURIComponent(id)}`, change));
  }

  createKey(name: string, scope: KeyScope): Promise<CreatedApiKey> {
    return firstValueFrom(this.http.post<CreatedApiKey>(API_KEYS_URL, { name, scope }));
  }

  revokeKey(id: string): Promise<ApiKey> {
    return firstValueFrom(this.http.delete<ApiKey>(`${API_KEYS_URL}/${encodeURIComponent(id)}`));
  }

  /** An admin's one-time reset link for a user, shown once. */
  issuePasswordReset(userId: string): Promise<PasswordResetLink> {
    return firstValueFrom(this.http.post<PasswordResetLink>(`${USERS_URL}/${encodeURIComponent(userId)}/password-reset`, {}));
  }

  /** Asks for a reset link by email; the server answers the same for any address. */
  async requestPasswordReset(email: string): Promise<void> {
    await firstValueFrom(this.http.post<void>(PASSWORD_RESET_URL, { email }));
  }

  async completePasswordReset(token: string, password: string): Promise<void> {
    await firstValueFrom(this.http.post<void>(`${PASSWORD_RESET_URL}/complete`, { token, password }));
  }
}
