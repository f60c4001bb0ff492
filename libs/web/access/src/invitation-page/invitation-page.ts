import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { apiErrorMessage } from '@marea/web/ui';
import { SessionStore } from '@marea/web/session';

/** Where an invitation link leads: the invited person chooses a password and is signed in. */
@Component({
  selector: 'marea-invitation-page',
  imports: [ReactiveFormsModule],
  templateUrl: './invitation-page.html',
  styleUrl: '../access-form.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvitationPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  /** Bound from the `token` query parameter of the link. */
  readonly token = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({ password: ['', [Validators.required, Validators.minLength(12)]] });
  protected readonly problem = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected async submit(): Promise<void> {
    const token = this.token();
    if (!token) {
      this.problem.set($localize`:@@access.invitation.noToken:This link is incomplete; open the whole link you were given.`);
      return;
    }
    if (this.form.invalid) {
      this.problem.set($localize`:@@access.invitation.incomplete:Choose a password of at least 12 characters.`);
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      await this.session.acceptInvitation(token, this.form.getRawValue().password);
      await this.router.navigateByUrl('/');
    } catch (error) {
      this.problem.set(apiErrorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
