import { Injectable, MessageEvent, OnModuleDestroy } from '@nestjs/common';
import { Observable, Subscriber } from 'rxjs';
import { DataSource } from 'typeorm';
import type { CustomerActivityNotice } from '@marea/contracts';
import { CustomerActivityListener } from '@marea/infra/persistence';

/**
 * The live streams of open profile pages. Every stream is completed when the application shuts
 * down, before the HTTP server closes: an open event stream would otherwise hold the server
 * (and a test's handles) open.
 */
@Injectable()
export class CustomerActivityHost implements OnModuleDestroy {
  private readonly listener: CustomerActivityListener;
  private readonly streams = new Set<Subscriber<MessageEvent>>();

  constructor(dataSource: DataSource) {
    this.listener = new CustomerActivityListener(dataSource);
  }

  /** Server-sent events for one customer: `ready` once listening, then `activity` on each new event. */
  streamOf(customerId: string): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      this.streams.add(subscriber);
      let unsubscribe: (() => void) | undefined;
      let ended = false;
      this.listener
        .subscribe(customerId, () => {
          const notice: CustomerActivityNotice = { customerId, at: new Date().toISOString() };
          subscriber.next({ type: 'activity', data: notice });
        })
        .then((stop) => {
          if (ended) return stop();
          unsubscribe = stop;
          subscriber.next({ type: 'ready', data: { customerId } });
        })
        .catch((error: unknown) => subscriber.error(error));
      return () => {
        ended = true;
        this.streams.delete(subscriber);
        unsubscribe?.();
      };
    });
  }

  async onModuleDestroy(): Promise<void> {
    for (const stream of [...this.streams]) stream.complete();
    await this.listener.close();
  }
}
