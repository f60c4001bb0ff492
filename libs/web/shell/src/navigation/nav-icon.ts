import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

// Outline icons on a 24px grid, drawn for Marea; one path each keeps them a few bytes.
const ICONS = {
  overview: 'M4 13h6V4H4zm0 7h6v-4H4zm10 0h6v-9h-6zm0-16v4h6V4z',
  import: 'M12 3v12m0 0-4.5-4.5M12 15l4.5-4.5M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3',
  customers: 'M16 20v-1.5a3.5 3.5 0 0 0-3.5-3.5h-5A3.5 3.5 0 0 0 4 18.5V20m6-9a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zm10 9v-1.5a3.5 3.5 0 0 0-2.5-3.35M15 4.15a3.5 3.5 0 0 1 0 6.7',
  segments: 'M4 5h16l-6 7.5V19l-4 1.5v-8z',
  automations: 'M5 4v6h6M19 20v-6h-6M6.2 15a7 7 0 0 0 12.3 1.5M17.8 9A7 7 0 0 0 5.5 7.5',
  analyses: 'M4 20V10m6 10V4m6 16v-7m4 7H2',
  tasks: 'M9 11l3 3 8-8M20 12v6a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h9',
  messages: 'M4 6h16v12H4zm0 0 8 7 8-7',
  settings: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm7.4-1.5.1-1.5-.1-1.5 2-1.6-2-3.4-2.4 1a7 7 0 0 0-2.6-1.5L14 2h-4l-.4 2.5A7 7 0 0 0 7 6L4.6 5 2.6 8.4l2 1.6-.1 1.5.1 1.5-2 1.6 2 3.4 2.4-1a7 7 0 0 0 2.6 1.5L10 22h4l.4-2.5A7 7 0 0 0 17 18l2.4 1 2-3.4z',
  users: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 8a7 7 0 0 1 14 0',
  keys: 'M14.5 3a6.5 6.5 0 0 0-6.2 8.5L3 16.8V21h4.2l.8-.8V18h2.2l.8-.8V15h2.2l1.3-1.3A6.5 6.5 0 1 0 14.5 3zm2 5.5h.01',
  signOut: 'M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 17l-5-5 5-5M5 12h11',
  docs: 'M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9zm0 0v6h6M8 13h8M8 17h5',
} as const;

export type NavIconName = keyof typeof ICONS;

/** A decorative icon beside a label; the label carries the meaning, so it is hidden from readers. */
@Component({
  selector: 'marea-nav-icon',
  template: `
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path [attr.d]="path()" />
    </svg>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    path {
      fill: none;
      stroke: currentColor;
      stroke-width: 1.7;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NavIcon {
  readonly name = input.required<NavIconName>();
  protected readonly path = computed(() => ICONS[this.name()]);
}
