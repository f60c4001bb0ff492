import { HttpClient, HttpEventType } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ImportEntity, ImportJob } from '@marea/contracts';
import { Observable, filter, map } from 'rxjs';

const IMPORTS = '/api/v1/imports';

/** While a file travels to the server: how much has been sent, then the queued job. */
export type UploadProgress =
  | { readonly kind: 'sending'; readonly percent: number | null }
  | { readonly kind: 'queued'; readonly job: ImportJob };

/** The addresses of the CSV import API, and the one call that is not a plain GET. */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  readonly recentUrl = (limit: number) => `${IMPORTS}?limit=${limit}`;
  readonly jobUrl = (id: string) => `${IMPORTS}/${encodeURIComponent(id)}`;
  /** The rejects report, a CSV file (see readRejectsReport). */
  readonly rejectsReportUrl = (id: string) => `${IMPORTS}/${encodeURIComponent(id)}/rejects`;

  upload(entity: ImportEntity, file: File): Observable<UploadProgress> {
    const body = new FormData();
    body.append('entity', entity);
    body.append('file', file, file.name);
    return this.http.post<ImportJob>(IMPORTS, body, { observe: 'events', reportProgress: true }).pipe(
      map((event): UploadProgress | null => {
        if (event.type === HttpEventType.UploadProgress) {
          return { kind: 'sending', percent: event.total ? Math.round((100 * event.loaded) / event.total) : null };
        }
        if (event.type === HttpEventType.Response && event.body) return { kind: 'queued', job: event.body };
        return null;
      }),
      filter((progress): progress is UploadProgress => progress !== null),
    );
  }
}
