import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Automation,
  AutomationDefinitionInput,
  TestSendRequest,
  TestSendResult,
} from '@marea/contracts';
import { map, type Observable } from 'rxjs';

const AUTOMATIONS = '/api/v1/automations';

/** What the editor sends to create an automation or save a new version of one. */
export interface AutomationDraftInput {
  name: string;
  definition: AutomationDefinitionInput;
}

/** The addresses of the automations API, and the calls that change an automation or act with it. */
@Injectable({ providedIn: 'root' })
export class AutomationsApi {
  private readonly http = inject(HttpClient);

  readonly listUrl = AUTOMATIONS;
  readonly valuesUrl = '/api/v1/segment-values';
  readonly automationUrl = (id: string) => `${AUTOMATIONS}/${encodeURIComponent(id)}`;
  /** Counts per day and per step, `from` and `to` inclusive (YYYY-MM-DD, UTC). */
  readonly statisticsUrl = (id: string, from: string, to: string) => `${this.automationUrl(id)}/statistics?from=${from}&to=${to}`;
  readonly previewUrl = (id: string) => `${this.automationUrl(id)}/preview`;
  /** A step of an unsaved definition rendered for a customer (POST `{ definition, stepId, customerId }`). */
  readonly draftPreviewUrl = `${AUTOMATIONS}/preview`;
  /** Why the automation acted or not for a customer (GET, `{ items }`). */
  readonly whyUrl = (id: string, customerId: string) => `${this.automationUrl(id)}/why/${encodeURIComponent(customerId)}`;
  /** Runs, newest first (GET, `{ items }`): `limit` of them (at most 500), of one customer when given. */
  readonly runsUrl = (id: string, limit: number, customerId?: string) =>
    `${this.automationUrl(id)}/runs?limit=${limit}${customerId ? `&customerId=${encodeURIComponent(customerId)}` : ''}`;
  /** Every version of the definition, newest first (GET, `{ items }`). */
  readonly versionsUrl = (id: string) => `${this.automationUrl(id)}/versions`;
  /** Step jobs that failed every retry (GET, `{ items }`). */
  readonly deadLettersUrl = `${AUTOMATIONS}/dead-letters`;

  create(draft: AutomationDraftInput): Observable<Automation> {
    return this.http.post<Automation>(AUTOMATIONS, draft);
  }

  /** Saves a new version: runs in flight finish on the version they started with. */
  edit(id: string, draft: AutomationDraftInput): Observable<Automation> {
    return this.http.put<Automation>(this.automationUrl(id), draft);
  }

  setActive(id: string, active: boolean): Observable<Automation> {
    return this.http.post<Automation>(`${this.automationUrl(id)}/${active ? 'activate' : 'deactivate'}`, {});
  }

  /** Puts a dead step job back on the queue. */
  retryDeadLetter(jobId: string): Observable<void> {
    return this.http.post<void>(`${this.deadLettersUrl}/${encodeURIComponent(jobId)}/retry`, {});
  }

  /** Sends a step's message, rendered for a customer, to a few addresses; one outcome per address. */
  testSend(id: string, request: TestSendRequest): Observable<TestSendResult[]> {
    return this.http.post<{ items: TestSendResult[] }>(`${this.automationUrl(id)}/test-send`, request).pipe(map((body) => body.items));
  }
}

/** The last 30 days (UTC) ending today, as the statistics route takes them. */
export function last30Days(today: Date = new Date()): { from: string; to: string } {
  const to = today.toISOString().slice(0, 10);
  const from = new Date(today.getTime() - 29 * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}
