import type { Observable } from 'rxjs';

/** A name offered for a chip list: the value a rule stores, and how it is shown (a SKU with its product's name). */
export interface NameOption {
  readonly value: string;
  readonly label: string;
}

/** Searches a list too long to hold in the browser (SKUs, tags, cities …) for the names that start with what was typed. */
export type NameLookup = (text: string) => Observable<readonly NameOption[]>;
