import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { apiErrorMessage } from '@marea/web/ui';
import { SessionStore } from '@marea/web/session';

/**
 * The one-time setup of a new installation: its first admin. The server accepts it once; if
 * someone else was first, the page says so and offers to sign in.
 */
@Component({
  selector: 'marea-setup-page',
  imports: [ReactiveFormsModule],
  templateUrl: './setup-page.html',
  styleUrl: '../access-form.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SetupPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', Validators.required],
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required, Validators.minLength(12)]],
  });
  protected readonly problem = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.problem.set($localize`:@@access.setup.incomplete:Enter your name, your email and a password of at least 12 characters.`);
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      const { email, name, password } = this.form.getRawValue();
      await this.session.createFirstAdmin(email, name, password);
      await this.router.navigateByUrl('/');
    } catch (error) {
      this.problem.set(apiErrorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
