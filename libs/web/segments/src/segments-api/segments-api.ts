import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Segment, SegmentEdit, SegmentInput } from '@marea/contracts';
import type { Observable } from 'rxjs';

const SEGMENTS = '/api/v1/segments';

/** The addresses of the segments API, and the calls that change a segment. */
@Injectable({ providedIn: 'root' })
export class SegmentsApi {
  private readonly http = inject(HttpClient);

  readonly listUrl = SEGMENTS;
  readonly valuesUrl = '/api/v1/segment-values';
  readonly segmentUrl = (code: string) => `${SEGMENTS}/${encodeURIComponent(code)}`;
  readonly sizesUrl = (code: string) => `${this.segmentUrl(code)}/sizes`;
  readonly membersUrl = (code: string, page = 1, pageSize = 20) => `${this.segmentUrl(code)}/customers?page=${page}&pageSize=${pageSize}`;
  readonly exportUrl = (code: string) => `${this.segmentUrl(code)}/customers.csv`;

  create(segment: SegmentInput): Observable<Segment> {
    return this.http.post<Segment>(SEGMENTS, segment);
  }

  edit(code: string, edit: SegmentEdit): Observable<Segment> {
    return this.http.patch<Segment>(this.segmentUrl(code), edit);
  }

  setActive(code: string, active: boolean): Observable<Segment> {
    return this.http.post<Segment>(`${this.segmentUrl(code)}/${active ? 'activate' : 'deactivate'}`, {});
  }
}
