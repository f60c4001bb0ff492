import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { Invitation, PasswordResetLink, Role, User } from '@marea/contracts';
import { apiErrorMessage, ErrorState, LoadingState, PageHeader } from '@marea/web/ui';
import { AccessApi, USERS_URL } from '../access-api/access-api';
import { ROLE_LABELS, ROLES, STATUS_LABELS } from '../access-labels';
import { SessionStore } from '@marea/web/session';

/** Users (admins only): invite a person, change a role, deactivate or reactivate, issue a password reset link. */
@Component({
  selector: 'marea-users-page',
  imports: [ReactiveFormsModule, DatePipe, PageHeader, LoadingState, ErrorState],
  templateUrl: './users-page.html',
  styleUrl: '../access-form.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly api = inject(AccessApi);
  protected readonly me = inject(SessionStore).user;
  protected readonly users = httpResource<User[]>(() => USERS_URL);
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly statusLabels = STATUS_LABELS;

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', Validators.required],
    email: ['', [Validators.required, Validators.email]],
    role: ['marketer' as Role, Validators.required],
  });
  protected readonly invitation = signal<{ invitation: Invitation; link: string } | null>(null);
  /** A reset link just issued, shown once like an invitation. */
  protected readonly resetLink = signal<{ reset: PasswordResetLink; link: string } | null>(null);
  protected readonly problem = signal<string | null>(null);

  protected async invite(): Promise<void> {
    if (this.form.invalid) {
      this.problem.set($localize`:@@access.users.incomplete:Enter the person's name, email and role.`);
      return;
    }
    this.problem.set(null);
    try {
      const { email, name, role } = this.form.getRawValue();
      const invitation = await this.api.invite(email, name, role);
      this.invitation.set({ invitation, link: `${location.origin}${invitation.path}` });
      this.form.reset();
      this.users.reload();
    } catch (error) {
      this.problem.set(apiErrorMessage(error));
    }
  }

  protected async change(user: User, change: { role?: Role; active?: boolean }): Promise<void> {
    this.problem.set(null);
    try {
      await this.api.updateUser(user.id, change);
    } catch (error) {
      this.problem.set(apiErrorMessage(error));
    }
    this.users.reload();
  }

  protected async issueReset(user: User): Promise<void> {
    this.problem.set(null);
    try {
      const reset = await this.api.issuePasswordReset(user.id);
      this.resetLink.set({ reset, link: `${location.origin}${reset.path}` });
    } catch (error) {
      this.problem.set(apiErrorMessage(error));
    }
  }

  protected roleOf(event: Event): Role {
    return (event.target as HTMLSelectElement).value as Role;
  }
}
