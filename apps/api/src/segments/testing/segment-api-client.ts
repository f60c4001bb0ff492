import type { DataSource } from 'typeorm';
import type { Segment } from '@marea/contracts';
import { testCredentials, type Actor } from '../../access/testing/test-credentials';
import type { ApiUnderTest } from '../../ingestion/testing/api-under-test';

/** What a marketer does with segments over HTTP, in the words of the tests. */
export class SegmentApiClient {
  constructor(
    private readonly api: ApiUnderTest,
    private readonly dataSource: DataSource,
  ) {}

  /** Creates a segment and waits until its first computation has finished. */
  async computed(definition: Record<string, unknown>): Promise<Segment> {
    const created = await this.api.send('POST', '/api/v1/segments', definition);
    if (created.status !== 201) throw new Error(`segment not created: ${JSON.stringify(created.body)}`);
    return this.untilComputed(created.body.code);
  }

  /** Waits until the segment's computation has finished (completed or failed). */
  async untilComputed(code: string, after: string | null = null): Promise<Segment> {
    return this.until(
      code,
      ({ computation }) => computation.status === 'failed' || (computation.status === 'completed' && computation.computedAt !== after),
    );
  }

  async get(code: string): Promise<Segment> {
    return (await this.api.send('GET', `/api/v1/segments/${code}`)).body;
  }

  /** External ids of the current members, sorted. */
  async memberIds(code: string): Promise<string[]> {
    const page = await this.api.send('GET', `/api/v1/segments/${code}/customers?pageSize=500`);
    return page.body.items.map((member: { externalId: string }) => member.externalId).sort();
  }

  /** The CSV export as text, fetched as a signed-in marketer. */
  async exportCsv(code: string, actor: Actor = 'marketer'): Promise<{ status: number; type: string | null; text: string }> {
    const { headers } = await testCredentials(this.dataSource, actor);
    const response = await fetch(`${this.api.url}/api/v1/segments/${code}/customers.csv`, { headers });
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  }

  private async until(code: string, done: (segment: Segment) => boolean, timeoutMs = 20_000): Promise<Segment> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const segment = await this.get(code);
      if (done(segment)) return segment;
      if (Date.now() > deadline) throw new Error(`segment ${code} still ${segment.computation.status} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
