import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ClvModelFit, RfmTransitionTable } from '@marea/contracts';
import { POLL_INTERVAL_MS } from '../poll-while/poll-while';
import { ClvModelPage } from './clv-model-page';

const MODEL = '/api/v1/analyses/clv-model';

const aFit = (overrides: Partial<ClvModelFit> = {}): ClvModelFit => ({
  id: '3',
  status: 'done',
  startedAt: '2026-11-24T02:00:00.000Z',
  fittedAt: '2026-11-24T02:00:04.000Z',
  error: null,
  calibrationEnd: '2026-11-24T00:00:00.000Z',
  customers: 4800,
  repeatCustomers: 3100,
  bgNbd: { r: 0.242593, alpha: 4.41354, a: 0.792886, b: 2.425752, logLikelihood: -9582.43 },
  gammaGamma: { p: 6.2488, q: 3.7446, gamma: 15.4477, logLikelihood: -4053.2 },
  discountRate: 0.1,
  holdout: {
    cutoff: '2026-05-26',
    weeks: [
      { week: 1, predicted: 40.2, actual: 38 },
      { week: 2, predicted: 39.1, actual: 44 },
    ],
    predictedTotal: 79.3,
    actualTotal: 82,
  },
  durationMs: 4200,
  ...overrides,
});

const transitions: RfmTransitionTable = {
  from: '2026-10-25',
  to: '2026-11-24',
  segments: ['champions', 'at_risk'],
  counts: [
    [120, 8],
    [3, 40],
  ],
  computedAt: '2026-11-24T08:00:00.000Z',
};

async function render() {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: POLL_INTERVAL_MS, useValue: 5 }],
  });
  const fixture = TestBed.createComponent(ClvModelPage);
  const http = TestBed.inject(HttpTestingController);
  const page = fixture.nativeElement as HTMLElement;
  const settle = async (ms = 0) => {
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve, ms));
    fixture.detectChanges();
  };
  await settle();
  http.expectOne((request) => request.url.startsWith('/api/v1/analyses/rfm-transitions')).flush(transitions);
  const text = (selector: string) => page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  /** The next request to `url`, waited for a little: the page follows a fit on a timer. */
  const nextRequest = async (url: string) => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const [request] = http.match(url);
      if (request) return request;
      await settle(5);
    }
    throw new Error(`the page did not ask for ${url}`);
  };
  const refit = () => [...page.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.trim() === 'Refit')!;
  return { http, page, settle, text, refit, nextRequest };
}

describe('the CLV model page', () => {
  it("shows the fit's parameters, log-likelihoods, customers and its holdout check", async () => {
    const { http, settle, text, page } = await render();
    http.expectOne(MODEL).flush(aFit());
    await settle();
    const parameters = (model: string) =>
      [...page.querySelectorAll(`[data-model="${model}"] tr`)].map((row) => [...row.children].map((cell) => cell.textContent?.trim()).join(' '));
    expect(parameters('bg-nbd')).toEqual(['r 0.2426', 'α 4.4135', 'a 0.7929', 'b 2.4258', 'Log-likelihood -9,582.43']);
    expect(parameters('gamma-gamma')).toEqual(['p 6.2488', 'q 3.7446', 'γ 15.4477', 'Log-likelihood -4,053.20']);
    expect(text('[data-fact="customers"]')).toBe('4,800');
    expect(text('[data-holdout-summary]')).toBe('Over the 2 weeks after May 26, 2026 the model expected 79.3 repeat purchases; 82 happened.');
    expect(page.querySelectorAll('marea-holdout-chart rect.actual')).toHaveLength(2);
  });

  it('says there is no model yet rather than failing, and fits one: follows the fit, then shows it', async () => {
    const { http, settle, text, refit, nextRequest } = await render();
    http.expectOne(MODEL).flush({ error: { code: 'NO_CLV_MODEL', message: 'No CLV model has been fitted yet.' } }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(text('marea-empty-state')).toContain('No CLV model has been fitted yet');

    refit().click();
    http.expectOne({ method: 'POST', url: `${MODEL}/fits` }).flush(aFit({ id: '4', status: 'running', fittedAt: null, bgNbd: null, gammaGamma: null, holdout: null }));
    await settle();
    http.expectOne(`${MODEL}/fits/4`).flush(aFit({ id: '4', status: 'running', fittedAt: null }));
    await settle();
    expect(text('[data-fit-status]')).toContain('Fitting the model');
    expect(refit().disabled).toBe(true);

    (await nextRequest(`${MODEL}/fits/4`)).flush(aFit({ id: '4' }));
    await settle();
    (await nextRequest(MODEL)).flush(aFit({ id: '4' }));
    await settle();
    expect(text('[data-fact="customers"]')).toBe('4,800');
    expect(refit().disabled).toBe(false);
  });

  it("shows the server's refusal of a refit", async () => {
    const { http, settle, text, refit } = await render();
    http.expectOne(MODEL).flush(aFit());
    await settle();
    refit().click();
    http.expectOne({ method: 'POST', url: `${MODEL}/fits` }).flush({ error: { code: 'CLV_MODEL_FIT_RUNNING', message: 'A fit is already running.' } }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(text('.refit-error')).toBe('A fit is already running.');
  });

  it('shows the RFM movement between two days, with who stayed', async () => {
    const { http, settle, page } = await render();
    http.expectOne(MODEL).flush(aFit());
    await settle();
    const rows = [...page.querySelectorAll('marea-rfm-movement tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent?.trim()).join(' '));
    expect(rows).toEqual(['Champions 120 8 128', 'At risk 3 40 43']);
    expect(page.querySelectorAll('marea-rfm-movement td.stayed')).toHaveLength(2);
  });
});
