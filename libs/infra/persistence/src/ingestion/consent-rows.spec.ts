import { IngestionService } from '@marea/engine/ingestion';
import { useTestDatabase } from '@marea/testing';
import { PostgresIngestionStore } from './postgres-ingestion-store';

describe('consents in PostgreSQL', () => {
  const db = useTestDatabase();
  const ingestion = () => new IngestionService(new PostgresIngestionStore(db().dataSource));
  const query = (text: string) => db().dataSource.query(text);
  const change = (status: string, changedAt: string, source = 'checkout') => ({
    customerExternalId: 'c-1', channel: 'email', status, changedAt, source,
  });

  it('keeps every change once and settles on the newest, whatever the arrival order', async () => {
    await ingestion().recordConsents([change('withdrawn', '2025-06-02T10:00:00Z', 'unsubscribe link')]);
    const late = await ingestion().recordConsents([change('given', '2025-06-01T10:00:00Z')]);
    expect(late).toMatchObject({ created: 1 });
    expect(await query(`SELECT status, source FROM consents`)).toEqual([{ status: 'withdrawn', source: 'unsubscribe link' }]);

    const again = await ingestion().recordConsents([change('given', '2025-06-01T10:00:00Z'), change('given', '2025-06-03T10:00:00Z')]);
    expect(again.items.map((i) => i.outcome)).toEqual(['unchanged', 'created']);
    expect(await query(`SELECT status FROM consents`)).toEqual([{ status: 'given' }]);
    const [{ count }] = await query(`SELECT count(*)::int AS count FROM consent_changes`);
    expect(count).toBe(3);
  });
});
