import type { SegmentCatalogue } from '@marea/contracts';

/** What a rule may refer to in the shop, and the stored rules of the other segments (for cycles). */
export interface SegmentCatalogueSource {
  catalogue(): Promise<SegmentCatalogue>;
  segmentRules(): Promise<ReadonlyMap<string, unknown>>;
}
