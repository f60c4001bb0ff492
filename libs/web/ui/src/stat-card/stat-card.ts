import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** One headline figure: a label, the value already formatted for the locale, and a detail line. */
@Component({
  selector: 'marea-stat-card',
  template: `
    <p class="label">{{ label() }}</p>
    <p class="value">{{ value() }}</p>
    @if (detail()) {
      <p class="detail">{{ detail() }}</p>
    }
  `,
  styleUrl: './stat-card.css',
  host: { role: 'group', '[attr.aria-label]': 'label()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatCard {
  readonly label = input.required<string>();
  readonly value = input.required<string>();
  readonly detail = input<string>();
}
