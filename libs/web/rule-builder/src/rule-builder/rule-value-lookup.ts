import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { SEARCHABLE_CUSTOMER_FIELDS, type SegmentValueMatches } from '@marea/contracts';
import { map } from 'rxjs';
import type { NameLookup } from '../name-chips/name-lookup';

const SEARCH = '/api/v1/segment-values';
const SEARCHABLE_FIELDS: ReadonlySet<string> = new Set(SEARCHABLE_CUSTOMER_FIELDS);

/**
 * The server's search of the long lists a rule may name (`GET /api/v1/segment-values/{list}`):
 * SKUs, tags, repeating customer fields and text custom fields. The short lists (stores,
 * categories, managers) come whole with the catalogue and are filtered in the browser.
 */
@Injectable({ providedIn: 'root' })
export class RuleValueLookup {
  private readonly http = inject(HttpClient);
  private readonly lookups = new Map<string, NameLookup>();

  /** The search of one list, e.g. `tags`, `products`, `field.city`, `attributes.tier`; one function per list. */
  of(list: string): NameLookup {
    let lookup = this.lookups.get(list);
    if (!lookup) {
      lookup = (text) =>
        this.http
          .get<SegmentValueMatches>(`${SEARCH}/${encodeURIComponent(list)}`, { params: { q: text, limit: 20 } })
          .pipe(map((answer) => answer.items));
      this.lookups.set(list, lookup);
    }
    return lookup;
  }

  /** The list searched for the values of a customer field, when it is one whose values repeat (city, country …). */
  ofField(field: string): NameLookup | null {
    return SEARCHABLE_FIELDS.has(field) ? this.of(`field.${field}`) : null;
  }
}
