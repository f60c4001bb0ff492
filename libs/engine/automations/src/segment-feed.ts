/** One entry or exit of the segment engine's durable feed (see `SegmentFeedReader`). */
export interface SegmentFeedEntry {
  readonly position: string;
  readonly segmentCode: string;
  readonly customerId: string;
  readonly change: 'entered' | 'exited';
  readonly at: Date;
}

export interface SegmentFeed {
  next(consumer: string, limit: number): Promise<SegmentFeedEntry[]>;
  acknowledge(consumer: string, position: string): Promise<void>;
}
