import { ChangeDetectionStrategy, Component } from '@angular/core';

/** The Marea logo: a tide of three waves, and the name. */
@Component({
  selector: 'marea-brand-mark',
  template: `
    <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" class="tile" />
      <path d="M6 12c2.5-2.5 5-2.5 7.5 0s5 2.5 7.5 0 4-2 5-1" />
      <path d="M6 17c2.5-2.5 5-2.5 7.5 0s5 2.5 7.5 0 4-2 5-1" />
      <path d="M6 22c2.5-2.5 5-2.5 7.5 0s5 2.5 7.5 0 4-2 5-1" />
    </svg>
    <span class="name" i18n="@@shell.brand">Marea</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.6rem;
    }
    .tile {
      fill: var(--accent);
    }
    path {
      fill: none;
      stroke: #fff;
      stroke-width: 2.2;
      stroke-linecap: round;
    }
    .name {
      font-weight: 700;
      font-size: 1.2rem;
      letter-spacing: 0.01em;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BrandMark {}
