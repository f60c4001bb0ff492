import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import type { AttributeValue, AttributeView, CustomerEdit, CustomerProfile } from '@marea/contracts';
import { apiErrorMessage } from '@marea/web/ui';
import { CustomersApi } from '../customers-api/customers-api';

const TEXT_FIELDS = ['firstName', 'lastName', 'documentNumber', 'email', 'phone', 'birthDate', 'city', 'country', 'language'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/** A custom field's form value: checkbox for booleans, text for everything else. */
function attributeControl(attribute: AttributeView): FormControl<string | boolean> {
  if (attribute.type === 'boolean') return new FormControl<string | boolean>(attribute.value === true, { nonNullable: true });
  return new FormControl<string | boolean>(attribute.value === null ? '' : String(attribute.value), { nonNullable: true });
}

function attributeValue(attribute: AttributeView, raw: string | boolean): AttributeValue {
  if (attribute.type === 'boolean') return raw === true;
  const text = String(raw).trim();
  if (text === '') return null;
  // A number field sends what was typed when it is no number, so the server names the problem.
  return attribute.type === 'number' && Number.isFinite(Number(text)) ? Number(text) : text;
}

/**
 * The profile's edit form: every field the API lets a user change, checked by the server (the
 * one place the rules live); each problem it reports is shown under its field, and nothing is
 * saved unless the whole edit is valid.
 */
@Component({
  selector: 'marea-customer-edit-form',
  imports: [ReactiveFormsModule],
  templateUrl: './customer-edit-form.html',
  styleUrl: './customer-edit-form.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerEditForm {
  readonly profile = input.required<CustomerProfile>();
  readonly saved = output<CustomerProfile>();
  readonly cancelled = output<void>();

  private readonly api = inject(CustomersApi);
  protected readonly saving = signal(false);
  protected readonly errors = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly failure = signal<string | null>(null);

  protected readonly form = computed(() => {
    const p = this.profile();
    const text = (value: string | null) => new FormControl(value ?? '', { nonNullable: true });
    const values: Record<TextField, string | null> = { ...p.personal, ...p.contact };
    return new FormGroup({
      ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, text(values[field])])),
      gender: text(p.personal.gender),
      tags: text(p.tags.join(', ')),
      attributes: new FormGroup(Object.fromEntries(p.attributes.map((a) => [a.key, attributeControl(a)]))),
    });
  });

  protected errorOf(field: string): string | undefined {
    return this.errors().get(field);
  }

  protected submit(): void {
    const raw = this.form().getRawValue() as Record<string, unknown> & { attributes: Record<string, string | boolean> };
    const edit: Record<string, unknown> = {};
    for (const field of TEXT_FIELDS) edit[field] = String(raw[field]).trim() || null;
    edit['gender'] = raw['gender'] || null;
    edit['tags'] = String(raw['tags']).split(',').map((tag) => tag.trim()).filter(Boolean);
    edit['attributes'] = Object.fromEntries(this.profile().attributes.map((a) => [a.key, attributeValue(a, raw.attributes[a.key])]));

    this.saving.set(true);
    this.failure.set(null);
    this.api.edit(this.profile().id, edit as CustomerEdit).subscribe({
      next: (profile) => {
        this.saving.set(false);
        this.errors.set(new Map());
        this.saved.emit(profile);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const details = error instanceof HttpErrorResponse ? (error.error?.error?.details as { field: string; message: string }[] | undefined) : undefined;
        this.errors.set(new Map((details ?? []).map((d) => [d.field, d.message])));
        this.failure.set(apiErrorMessage(error));
      },
    });
  }
}
