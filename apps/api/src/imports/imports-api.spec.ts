import type { INestApplication } from '@nestjs/common';
import { useTestDatabase } from '@marea/testing';
import { IngestionService } from '@marea/engine/ingestion';
import { loadConfig } from '../config/app-config';
import { createHttpApp } from '../http/create-http-app';
import { createLogger } from '../logging/create-logger';
import { ImportApiClient } from './testing/import-api-client';
import { testCredentials } from '../access/testing/test-credentials';

const CUSTOMERS = 'externalId,email,firstName\n';

describe('CSV import API: bad input', () => {
  const db = useTestDatabase();
  let app: INestApplication;
  let base: string;
  let api: ImportApiClient;

  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', AUTOMATION_ENGINE: 'off', CSV_UPLOAD_LIMIT_MB: '1' });
    app = await createHttpApp({ config, logger: createLogger(config), dataSource: db().dataSource });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    api = new ImportApiClient(base, (await testCredentials(db().dataSource, 'marketer')).headers);
    const ingestion = app.get(IngestionService);
    await ingestion.upsertStores([{ externalId: 'web', name: 'Web', channel: 'ecommerce', currency: 'EUR' }]);
  });
  afterAll(() => app?.close());

  const customer = async (externalId: string) =>
    (await db().dataSource.query(`SELECT email, first_name FROM customers WHERE external_id = $1`, [externalId]))[0];

  it('accepts a file with a BOM and quoted newlines, and reports progress', async () => {
    const job = await api.importFile({ entity: 'customers', file: `\uFEFF${CUSTOMERS}c1,ana@x.es,"Ana\nMaría"\nc2,bea@x.es,Bea\n` });
    expect(job).toMatchObject({ status: 'completed', totalRows: 2, processedRows: 2, acceptedRows: 2, rejectedRows: 0 });
    expect(await customer('c1')).toEqual({ email: 'ana@x.es', first_name: 'Ana\nMaría' });
  });

  it('keeps the good rows of a file with bad ones, reports the bad ones by row and column, and leaves stored data intact', async () => {
    await api.importFile({ entity: 'customers', file: `${CUSTOMERS}keep,keep@x.es,Kept\n` });
    const job = await api.importFile({
      entity: 'customers',
      file: `${CUSTOMERS}g1,g1@x.es,Good\nkeep,not-an-email,Changed\ng2,g2@x.es\ng3,g3@x.es,Good\n`,
    });
    expect(job).toMatchObject({ status: 'completed', totalRows: 4, acceptedRows: 2, rejectedRows: 2 });
    expect(await api.rejects(job.id)).toEqual([
      { row: 3, column: 'email', message: 'must be an email address', original: 'keep,not-an-email,Changed' },
      { row: 4, column: '', message: 'has 2 columns, the header has 3', original: 'g2,g2@x.es' },
    ]);
    expect(await customer('keep')).toEqual({ email: 'keep@x.es', first_name: 'Kept' });
    expect(await customer('g3')).toEqual({ email: 'g3@x.es', first_name: 'Good' });
  });

  it('rejects rows with invalid UTF-8 bytes by row number and keeps the others', async () => {
    const bytes = Buffer.concat([Buffer.from(`${CUSTOMERS}u1,u1@x.es,Jos`), Buffer.from([0xe9]), Buffer.from('\nu2,u2@x.es,Eva\n')]);
    const job = await api.importFile({ entity: 'customers', file: bytes });
    expect(job).toMatchObject({ status: 'completed', acceptedRows: 1, rejectedRows: 1 });
    const [reject] = await api.rejects(job.id);
    expect(reject).toMatchObject({ row: 2, column: 'firstName', message: expect.stringContaining('not valid UTF-8') });
  });

  it('names the delimiter a file seems to use when the given one is wrong, and detects it by default', async () => {
    const file = 'externalId;email\nd1;d1@x.es\n';
    const failed = await api.importFile({ entity: 'customers', file, format: { delimiter: ',' } });
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain("seems to use ';' as delimiter");
    expect(await api.importFile({ entity: 'customers', file })).toMatchObject({ status: 'completed', acceptedRows: 1 });
  });

  it('names the row and column of a bad value in an order, and rejects the whole order', async () => {
    const file =
      'orderId,customerId,orderedAt,sku,quantity,unitPrice\n' +
      'o1,c1,2025-01-02 10:00,p1,2,3.50\n' +
      'o1,c1,2025-01-02 10:00,p2,two,1.00\n' +
      'o2,c1,2025-13-02 10:00,p1,1,3.50\n' +
      'o3,c1,2025-01-03 10:00,p1,1,3.50\n';
    const job = await api.importFile({ entity: 'orders', file, defaults: { storeId: 'web' } });
    expect(job).toMatchObject({ status: 'completed', acceptedRows: 1, rejectedRows: 3 });
    expect((await api.rejects(job.id)).map(({ row, column, message }) => [row, column, message])).toEqual([
      [2, '', 'not imported: order o1 was rejected because of row 3'],
      [3, 'quantity', "must be a number written like 1234.56, not 'two'"],
      [4, 'orderedAt', "is not a real date-time: '2025-13-02 10:00'"],
    ]);
  });

  it('fails an empty file with a clear message', async () => {
    const job = await api.importFile({ entity: 'customers', file: '' });
    expect(job).toMatchObject({ status: 'failed', error: 'The file is empty.' });
  });

  it('fails a file without a required column, saying how to map one', async () => {
    const job = await api.importFile({ entity: 'customers', file: 'mail\na@x.es\n' });
    expect(job.status).toBe('failed');
    expect(job.error).toContain('No column gives the externalId');
  });

  it('refuses a file above the upload limit with 413 naming the limit', async () => {
    const response = await api.upload({ entity: 'customers', file: new Uint8Array(1024 * 1024 + 10).fill(65) });
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('1 MB') });
  });

  it('refuses an unknown entity or malformed options with 400', async () => {
    const entity = await api.upload({ entity: 'coupons', file: CUSTOMERS });
    expect(entity.status).toBe(400);
    const options = await api.upload({ entity: 'customers', file: CUSTOMERS, format: { delimiter: '#' } });
    expect(options.status).toBe(400);
    expect((await options.json()).error.message).toContain('format.delimiter');
  });

  it('lists jobs newest first, answers 404 for an unknown job, and documents the routes', async () => {
    const page = await (await fetch(`${base}/api/v1/imports?limit=2`, { headers: api.headers })).json();
    expect(page).toMatchObject({ limit: 2, offset: 0, total: expect.any(Number) });
    expect(page.items).toHaveLength(2);
    expect((await fetch(`${base}/api/v1/imports/00000000-0000-0000-0000-000000000000`, { headers: api.headers })).status).toBe(404);
    const document = await (await fetch(`${base}/api/openapi.json`)).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/imports', '/api/v1/imports/{id}', '/api/v1/imports/{id}/rejects']),
    );
  });
});
