import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { DomSanitizer } from '@angular/platform-browser';
import type { OutboxMessage } from '@marea/contracts';

/**
 * One message as its recipient receives it: the envelope headers, then the HTML part in a
 * sandboxed frame (no scripts, no same-origin access: a template cannot act inside Marea) or the
 * text part; an SMS as its text.
 */
@Component({
  selector: 'marea-message-view',
  imports: [DatePipe],
  template: `
    @let m = message();
    <dl class="envelope">
      <dt i18n="@@messages.from">From</dt>
      <dd>{{ m.from }}</dd>
      <dt i18n="@@messages.to">To</dt>
      <dd>{{ m.to }}</dd>
      @if (m.channel === 'email') {
        <dt i18n="@@messages.subject">Subject</dt>
        <dd class="subject">{{ m.subject }}</dd>
      }
      <dt i18n="@@messages.date">Date</dt>
      <dd>{{ m.createdAt | date: 'medium' }}</dd>
      @if (unsubscribe()) {
        <dt>List-Unsubscribe</dt>
        <dd class="muted">{{ unsubscribe() }}</dd>
      }
    </dl>
    @if (m.channel === 'email' && m.html) {
      <div class="parts" role="group" aria-label="Part shown" i18n-aria-label="@@messages.parts">
        <button type="button" class="button" [attr.aria-pressed]="part() === 'html'" (click)="part.set('html')" i18n="@@messages.html">HTML</button>
        <button type="button" class="button" [attr.aria-pressed]="part() === 'text'" (click)="part.set('text')" i18n="@@messages.text">Text</button>
      </div>
    }
    @if (m.channel === 'email' && m.html && part() === 'html') {
      <iframe class="body" sandbox="" [srcdoc]="html()" title="The message as received" i18n-title="@@messages.frame"></iframe>
    } @else {
      <pre class="body text">{{ m.text }}</pre>
    }
  `,
  styles: `
    :host { display: grid; gap: var(--space-3); }
    .envelope { display: grid; grid-template-columns: max-content 1fr; gap: var(--space-1) var(--space-3); margin: 0; font-size: var(--text-sm); }
    dt { font-weight: 600; }
    dd { margin: 0; overflow-wrap: anywhere; }
    .subject { font-weight: 600; }
    .parts { display: flex; gap: var(--space-2); }
    .parts [aria-pressed='true'] { background: var(--accent-soft); }
    .body { width: 100%; min-height: 28rem; border: 1px solid var(--border); border-radius: var(--radius-sm); background: #fff; }
    .text { white-space: pre-wrap; padding: var(--space-3); margin: 0; font-family: inherit; min-height: auto; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessageView {
  readonly message = input.required<OutboxMessage>();
  protected readonly part = signal<'html' | 'text'>('html');
  protected readonly unsubscribe = computed(() => this.message().headers['list-unsubscribe'] ?? null);
  private readonly sanitizer = inject(DomSanitizer);
  /**
   * The HTML exactly as sent, styles included. Trusted only because the frame is sandboxed with
   * no permissions: its scripts never run and it cannot reach the app's origin.
   */
  protected readonly html = computed(() => this.sanitizer.bypassSecurityTrustHtml(this.message().html));
}
