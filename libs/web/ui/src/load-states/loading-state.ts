import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Shown while a screen waits for its data; announced politely to screen readers. */
@Component({
  selector: 'marea-loading-state',
  template: `
    <div class="state" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true"></span>
      <span>{{ label() }}</span>
    </div>
  `,
  styleUrl: './load-states.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadingState {
  readonly label = input($localize`:@@ui.loading:Loading…`);
}
