import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ImportJob, ImportJobPage } from '@marea/contracts';
import { IMPORT_POLL_INTERVAL_MS } from '../import-job-panel/import-job-panel';
import { ImportsPage } from './imports-page';

const aJob = (overrides: Partial<ImportJob> = {}): ImportJob => ({
  id: '7d0c2a4e-8f7b-4a57-9c59-0d3f1b8e6a11',
  entity: 'orders',
  fileName: 'orders-2026.csv',
  status: 'queued',
  totalRows: null,
  processedRows: 0,
  acceptedRows: 0,
  rejectedRows: 0,
  error: null,
  ignoredColumns: [],
  options: {
    mapping: {},
    defaults: {},
    format: { delimiter: 'auto', encoding: 'utf-8', decimalSeparator: '.', timezone: 'UTC' },
  },
  createdAt: '2026-06-15T10:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  ...overrides,
});
const page = (...items: ImportJob[]): ImportJobPage => ({ items, total: items.length, limit: 10, offset: 0 });

async function open(url: string) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'imports', component: ImportsPage }], withComponentInputBinding()),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: IMPORT_POLL_INTERVAL_MS, useValue: 0 },
    ],
  });
  const harness = await RouterTestingHarness.create();
  void harness.navigateByUrl(url);
  const http = TestBed.inject(HttpTestingController);
  const view = harness.fixture.nativeElement as HTMLElement;
  // Lets the router, effects, timers and change detection catch up with the last answer.
  const settle = async () => {
    for (let turn = 0; turn < 5; turn++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      harness.fixture.detectChanges();
    }
  };
  await settle();
  const text = () => view.textContent?.replace(/\s+/g, ' ') ?? '';
  return { http, view, settle, text };
}

describe('ImportsPage', () => {
  it('uploads the chosen file, follows the job while it runs and shows the rejected rows', async () => {
    const { http, view, settle, text } = await open('/imports');
    http.expectOne('/api/v1/imports?limit=10').flush(page());
    await settle();
    expect(text()).toContain('No imports yet');

    (view.querySelector('input[type="radio"][value="orders"]') as HTMLInputElement).click();
    const fileInput = view.querySelector('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(fileInput, 'files', { value: [new File(['id,total\n1,10\n'], 'orders-2026.csv')] });
    fileInput.dispatchEvent(new Event('change'));
    (view.querySelector('button[type="submit"]') as HTMLButtonElement).click();

    const upload = http.expectOne({ method: 'POST', url: '/api/v1/imports' });
    const body = upload.request.body as FormData;
    expect(body.get('entity')).toBe('orders');
    expect((body.get('file') as File).name).toBe('orders-2026.csv');
    upload.flush(aJob(), { status: 202, statusText: 'Accepted' });
    await settle();
    http.expectOne('/api/v1/imports?limit=10').flush(page(aJob()));

    const jobUrl = `/api/v1/imports/${aJob().id}`;
    http.expectOne(jobUrl).flush(aJob({ status: 'running', totalRows: 200, processedRows: 50, acceptedRows: 49, rejectedRows: 1 }));
    await settle();
    expect(view.querySelector('[role="status"]')?.textContent).toContain('50 of 200 rows processed');
    expect(view.querySelector('progress')?.getAttribute('value')).toBe('25');

    http.expectOne(jobUrl).flush(aJob({ status: 'completed', totalRows: 200, processedRows: 200, acceptedRows: 198, rejectedRows: 2 }));
    await settle();
    http
      .expectOne(`${jobUrl}/rejects`)
      .flush('\uFEFFrow,column,message,original_row\r\n7,total,must be a number,"7,abc"\r\n12,,"the row has 3 cells, the header 2","12,1,2"\r\n');
    http.match('/api/v1/imports?limit=10').forEach((request) => request.flush(page(aJob({ status: 'completed' }))));
    await settle();

    const rows = [...view.querySelectorAll('.rejects tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['7', 'total', 'must be a number'],
      ['12', '–', 'the row has 3 cells, the header 2'],
    ]);
    expect(view.querySelector('[data-count="accepted"]')?.textContent).toBe('198');
    expect(view.querySelector('a[download]')?.getAttribute('href')).toBe(`${jobUrl}/rejects`);
    http.verify();
  });

  it("shows the server's reason when an upload is refused", async () => {
    const { http, view, settle } = await open('/imports');
    http.expectOne('/api/v1/imports?limit=10').flush(page());
    const fileInput = view.querySelector('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(fileInput, 'files', { value: [new File(['x'], 'huge.csv')] });
    fileInput.dispatchEvent(new Event('change'));
    (view.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    http
      .expectOne({ method: 'POST', url: '/api/v1/imports' })
      .flush({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'The file is larger than 200 MB.' } }, { status: 413, statusText: 'Payload Too Large' });
    await settle();
    expect(view.querySelector('form [role="alert"]')?.textContent).toContain('The file is larger than 200 MB.');
  });

  it('asks for a file before sending anything', async () => {
    const { http, view, settle } = await open('/imports');
    http.expectOne('/api/v1/imports?limit=10').flush(page());
    (view.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    expect(view.querySelector('form [role="alert"]')?.textContent).toContain('Choose a CSV file first.');
    http.verify();
  });

  it('reports why a failed import failed', async () => {
    const job = aJob({ status: 'failed', error: 'The file is not valid UTF-8 (byte 0xE9 on line 3).' });
    const { http, view, settle } = await open(`/imports?job=${job.id}`);
    http.expectOne('/api/v1/imports?limit=10').flush(page(job));
    http.expectOne(`/api/v1/imports/${job.id}`).flush(job);
    await settle();
    expect(view.querySelector('.failure')?.textContent).toContain('not valid UTF-8');
    http.verify();
  });
});
