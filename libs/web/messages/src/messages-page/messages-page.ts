import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { OutboxChannel, OutboxMessage, OutboxPage } from '@marea/contracts';
import { ErrorState, LoadingState, PageHeader } from '@marea/web/ui';
import { MessageView } from '../message-view/message-view';

const OUTBOX = '/api/v1/outbox';

/**
 * Messages: the outbox of the embedded default, where every email and SMS goes when no SMTP
 * server or Twilio account is configured — what would have been sent, newest first, each one
 * readable as its recipient would receive it.
 */
@Component({
  selector: 'marea-messages-page',
  imports: [DatePipe, RouterLink, LoadingState, ErrorState, PageHeader, MessageView],
  templateUrl: './messages-page.html',
  styleUrl: './messages-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessagesPage {
  protected readonly channel = signal<OutboxChannel | null>(null);
  protected readonly before = signal<string | null>(null);
  protected readonly selectedId = signal<string | null>(null);

  protected readonly page = httpResource<OutboxPage>(() => {
    const params = new URLSearchParams({ limit: '50' });
    const channel = this.channel();
    const before = this.before();
    if (channel) params.set('channel', channel);
    if (before) params.set('before', before);
    return `${OUTBOX}?${params}`;
  });

  protected readonly selected = httpResource<OutboxMessage>(() => {
    const id = this.selectedId();
    return id ? `${OUTBOX}/${encodeURIComponent(id)}` : undefined;
  });

  protected readonly items = computed(() => (this.page.hasValue() ? this.page.value().items : []));

  protected show(channel: OutboxChannel | null): void {
    this.channel.set(channel);
    this.before.set(null);
    this.selectedId.set(null);
  }

  protected older(): void {
    if (this.page.hasValue()) this.before.set(this.page.value().nextBefore);
  }
}
