import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { ApiKey, CreatedApiKey, KeyScope } from '@marea/contracts';
import { apiErrorMessage, ErrorState, LoadingState, PageHeader } from '@marea/web/ui';
import { AccessApi, API_KEYS_URL } from '../access-api/access-api';
import { SCOPE_LABELS, SCOPES } from '../access-labels';

/** API keys of integrations (admins only): create one (its secret is shown once), revoke one. */
@Component({
  selector: 'marea-api-keys-page',
  imports: [ReactiveFormsModule, DatePipe, PageHeader, LoadingState, ErrorState],
  templateUrl: './api-keys-page.html',
  styleUrl: '../access-form.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiKeysPage {
  private readonly api = inject(AccessApi);
  protected readonly keys = httpResource<ApiKey[]>(() => API_KEYS_URL);
  protected readonly scopes = SCOPES;
  protected readonly scopeLabels = SCOPE_LABELS;

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', Validators.required],
    scope: ['ingest' as KeyScope, Validators.required],
  });
  protected readonly created = signal<CreatedApiKey | null>(null);
  protected readonly copied = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected async create(): Promise<void> {
    if (this.form.invalid) {
      this.problem.set($localize`:@@access.keys.incomplete:Name the key after the integration that will use it.`);
      return;
    }
    this.problem.set(null);
    this.copied.set(false);
    try {
      const { name, scope } = this.form.getRawValue();
      this.created.set(await this.api.createKey(name, scope));
      this.form.reset();
      this.keys.reload();
    } catch (error) {
      this.problem.set(apiErrorMessage(error));
    }
  }

  protected async copy(secret: string): Promise<void> {
    await navigator.clipboard.writeText(secret);
    this.copied.set(true);
  }

  protected async revoke(key: ApiKey): Promise<void> {
    this.problem.set(null);
    try {
      await this.api.revokeKey(key.id);
    } catch (error) {
      this.problem.set(apiErrorMessage(error));
    }
    this.keys.reload();
  }
}
