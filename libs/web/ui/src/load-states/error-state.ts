import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { apiErrorMessage } from '../api-error/api-error-message';

/** A failed load: what went wrong, in the server's words when it gave them, and a retry. */
@Component({
  selector: 'marea-error-state',
  template: `
    <div class="state state--error" role="alert">
      <p class="state__title">{{ title() }}</p>
      <p class="state__message">{{ message() }}</p>
      @if (retryable()) {
        <button type="button" class="button" (click)="retry.emit()" i18n="@@ui.retry">Try again</button>
      }
    </div>
  `,
  styleUrl: './load-states.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ErrorState {
  readonly error = input.required<unknown>();
  readonly title = input($localize`:@@ui.error.title:This could not be loaded`);
  readonly retryable = input(true);
  readonly retry = output<void>();
  protected readonly message = computed(() => apiErrorMessage(this.error()));
}
