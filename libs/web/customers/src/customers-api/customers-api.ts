import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CustomerEdit, CustomerErasureResult, CustomerExportFormat, CustomerProfile, TimelineEntryType, TimelinePage } from '@marea/contracts';
import { Observable } from 'rxjs';

const CUSTOMERS = '/api/v1/customers';

/** The addresses of the customer 360 API, and the calls that are not a plain GET resource. */
@Injectable({ providedIn: 'root' })
export class CustomersApi {
  private readonly http = inject(HttpClient);

  readonly searchUrl = (q: string, page: number, pageSize: number) =>
    `${CUSTOMERS}?${new URLSearchParams({ q, page: String(page), pageSize: String(pageSize) })}`;
  readonly profileUrl = (id: string) => `${CUSTOMERS}/${encodeURIComponent(id)}`;
  readonly metricsUrl = (id: string) => `${CUSTOMERS}/${encodeURIComponent(id)}/metrics`;
  readonly mergeUrl = (id: string, preview: boolean) => `${CUSTOMERS}/${encodeURIComponent(id)}/merge${preview ? '/preview' : ''}`;
  readonly exportUrl = (id: string, format: CustomerExportFormat) => `${CUSTOMERS}/${encodeURIComponent(id)}/export?format=${format}`;

  timeline(id: string, options: { before?: string | null; limit: number; types: readonly TimelineEntryType[] }): Observable<TimelinePage> {
    const params: Record<string, string> = { limit: String(options.limit) };
    if (options.before) params['before'] = options.before;
    if (options.types.length) params['types'] = options.types.join(',');
    return this.http.get<TimelinePage>(`${CUSTOMERS}/${encodeURIComponent(id)}/timeline`, { params });
  }

  edit(id: string, edit: CustomerEdit): Observable<CustomerProfile> {
    return this.http.patch<CustomerProfile>(this.profileUrl(id), edit);
  }

  erase(id: string): Observable<CustomerErasureResult> {
    return this.http.post<CustomerErasureResult>(`${CUSTOMERS}/${encodeURIComponent(id)}/erasure`, {});
  }

  /**
   * New activity of the customer, as the server announces it (server-sent events; the browser
   * reconnects by itself). The stream closes when the subscriber unsubscribes.
   */
  activity(id: string): Observable<'ready' | 'activity'> {
    return new Observable((subscriber) => {
      const source = new EventSource(`${CUSTOMERS}/${encodeURIComponent(id)}/live`);
      source.addEventListener('ready', () => subscriber.next('ready'));
      source.addEventListener('activity', () => subscriber.next('activity'));
      return () => source.close();
    });
  }
}
