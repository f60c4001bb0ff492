import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Nothing to show yet: a title, and projected content that says how to get something. */
@Component({
  selector: 'marea-empty-state',
  template: `
    <div class="state state--empty">
      <p class="state__title">{{ title() }}</p>
      <ng-content />
    </div>
  `,
  styleUrl: './load-states.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmptyState {
  readonly title = input.required<string>();
}
