import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** The heading of a screen (its one h1), a sentence about it, and room for actions on the right. */
@Component({
  selector: 'marea-page-header',
  template: `
    <div>
      <h1>{{ heading() }}</h1>
      @if (lead()) {
        <p class="lead">{{ lead() }}</p>
      }
    </div>
    <div class="actions"><ng-content /></div>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      justify-content: space-between;
      gap: var(--space-3);
      margin-bottom: var(--space-5);
    }
    h1 {
      margin: 0;
      font-size: 1.6rem;
      letter-spacing: -0.01em;
    }
    .lead {
      margin: var(--space-1) 0 0;
      color: var(--text-muted);
    }
    .actions {
      display: flex;
      gap: var(--space-2);
      align-items: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PageHeader {
  readonly heading = input.required<string>();
  readonly lead = input<string>();
}
