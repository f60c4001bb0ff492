import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { apiErrorMessage } from '@marea/web/ui';
import { AccessApi } from '../access-api/access-api';

/**
 * "Forgot your password?": the person gives their email and Marea emails a reset link. The
 * answer is the same whether or not an account uses the email, so the page never says which.
 */
@Component({
  selector: 'marea-forgot-password-page',
  imports: [ReactiveFormsModule, RouterLink],
  templateUrl: './forgot-password-page.html',
  styleUrl: '../access-form.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPasswordPage {
  private readonly api = inject(AccessApi);

  protected readonly form = inject(NonNullableFormBuilder).group({ email: ['', [Validators.required, Validators.email]] });
  protected readonly problem = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** The address a link was asked for, once the request was accepted. */
  protected readonly sentTo = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.problem.set($localize`:@@access.forgot.incomplete:Enter the email of your Marea account.`);
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      const { email } = this.form.getRawValue();
      await this.api.requestPasswordReset(email);
      this.sentTo.set(email);
    } catch (error) {
      this.problem.set(apiErrorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
