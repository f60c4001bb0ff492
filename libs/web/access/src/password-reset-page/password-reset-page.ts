import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { apiErrorMessage } from '@marea/web/ui';
import { SessionStore } from '@marea/web/session';
import { AccessApi } from '../access-api/access-api';

/**
 * Where a reset link leads: the person chooses a new password (the same rule as at setup).
 * Every session of theirs ends, this browser's included, so they sign in again with it.
 */
@Component({
  selector: 'marea-password-reset-page',
  imports: [ReactiveFormsModule, RouterLink],
  templateUrl: './password-reset-page.html',
  styleUrl: '../access-form.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordResetPage {
  private readonly api = inject(AccessApi);
  private readonly session = inject(SessionStore);

  /** Bound from the `token` query parameter of the link. */
  readonly token = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({ password: ['', [Validators.required, Validators.minLength(12)]] });
  protected readonly problem = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly done = signal(false);

  protected async submit(): Promise<void> {
    const token = this.token();
    if (!token) {
      this.problem.set($localize`:@@access.reset.noToken:This link is incomplete; open the whole link you were given.`);
      return;
    }
    if (this.form.invalid) {
      this.problem.set($localize`:@@access.reset.incomplete:Choose a password of at least 12 characters.`);
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      await this.api.completePasswordReset(token, this.form.getRawValue().password);
      this.session.forget();
      this.done.set(true);
    } catch (error) {
      this.problem.set(apiErrorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
