import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { PersonaEnrichment } from '@marea/contracts';
import { POLL_INTERVAL_MS } from '../poll-while/poll-while';
import { PersonaHeatmapHarness } from '../testing/persona-heatmap.harness';
import { aDoneAnalysis, aRunningAnalysis } from '../testing/persona-results';
import { PersonaAnalysisPage } from './persona-analysis-page';

@Component({ template: '' })
class AutomationStandIn {}

const ANALYSIS = '/api/v1/analyses/personas/7';

const anEnrichment = (overrides: Partial<PersonaEnrichment> = {}): PersonaEnrichment => ({
  id: '31',
  analysisId: '7',
  cluster: 0,
  attributes: { persona: 'Huerto + Plantas' },
  customers: 250,
  appliedAt: '2026-11-24T08:40:00.000Z',
  appliedBy: 'ana@huerto.example',
  revertedAt: null,
  keptOnRevert: null,
  ...overrides,
});

async function render() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([{ path: 'automations/:id', component: AutomationStandIn }]),
      { provide: POLL_INTERVAL_MS, useValue: 5 },
    ],
  });
  const fixture = TestBed.createComponent(PersonaAnalysisPage);
  fixture.componentRef.setInput('id', '7');
  const http = TestBed.inject(HttpTestingController);
  const page = fixture.nativeElement as HTMLElement;
  const settle = async (ms = 0) => {
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve, ms));
    fixture.detectChanges();
  };
  await settle();
  const text = (selector: string) => page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const button = (name: string, within: ParentNode = page) => {
    const found = [...within.querySelectorAll<HTMLButtonElement>('button')].find((candidate) => candidate.textContent?.trim() === name);
    if (!found) throw new Error(`no button "${name}"`);
    return found;
  };
  /**
   * Answers the request to `url` and lets the page render the answer; waits for it a little,
   * since a page that follows an analysis asks again on a timer.
   */
  const answer = async (url: string, body: object, method = 'GET'): Promise<TestRequest> => {
    const matches = (candidate: { urlWithParams: string; method: string }) => candidate.urlWithParams === url && candidate.method === method;
    let [request] = http.match(matches);
    for (let attempt = 0; !request && attempt < 200; attempt++) {
      await settle(5);
      [request] = http.match(matches);
    }
    if (!request) throw new Error(`the page did not ask for ${method} ${url}`);
    request.flush(body);
    await settle();
    return request;
  };
  return { fixture, http, page, settle, text, button, answer };
}

describe('a persona analysis', () => {
  it('follows its progress while it runs, then shows the heatmap with a column per cluster', async () => {
    const { answer, settle, text, page, fixture } = await render();
    await answer(ANALYSIS, aRunningAnalysis(0.4));
    expect(text('[data-progress]')).toBe('40%');
    expect(page.querySelector('marea-persona-heatmap')).toBeNull();

    await answer(ANALYSIS, aRunningAnalysis(0.9));
    expect(text('[data-progress]')).toBe('90%');

    await answer(ANALYSIS, aDoneAnalysis());
    await answer(`${ANALYSIS}/enrichments`, { items: [] });
    expect(text('[data-status]')).toBe('Done');
    const heatmap = new PersonaHeatmapHarness(fixture, page.querySelector('marea-persona-heatmap')!);
    expect(await heatmap.columns()).toHaveLength(4);
    expect(text('[data-suggested-clusters]')).toContain('suggest 4 clusters');

    // Done: nothing more is asked.
    await settle(20);
    TestBed.inject(HttpTestingController).verify();
  });

  it('shows the same figures as a table, with the propensity levels and their thresholds', async () => {
    const { answer, button, page, settle, text } = await render();
    await answer(ANALYSIS, aDoneAnalysis());
    await answer(`${ANALYSIS}/enrichments`, { items: [] });
    button('Table').click();
    await settle();
    const row = page.querySelector('marea-persona-figures-table tbody tr')!;
    const cells = [...row.children].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());
    expect(cells).toEqual(['Huerto ECO', '2.00', '8.00 ×4.0 high', '1.00 ×0.5 low', '2.00 ×1.0 medium', '2.00 ×1.0 medium']);
    expect(text('.thresholds')).toContain('high from ×1.5, medium from ×0.75, low below that, zero under ×0.05');
  });

  it('renames a cluster, and offers the suggested name', async () => {
    const { answer, button, page, settle, http } = await render();
    const renamed = aDoneAnalysis();
    renamed.clusters[1] = { ...renamed.clusters[1], name: 'Casa', suggestedName: 'Hogar' };
    await answer(ANALYSIS, renamed);
    await answer(`${ANALYSIS}/enrichments`, { items: [] });

    const input = page.querySelector<HTMLInputElement>('#cluster-name-0')!;
    input.value = 'Gardeners';
    input.dispatchEvent(new Event('input'));
    await settle();
    button('Save name', page.querySelector('tr[data-cluster="0"]')!).click();
    const patch = http.expectOne({ method: 'PATCH', url: `${ANALYSIS}/clusters/0` });
    expect(patch.request.body).toEqual({ name: 'Gardeners' });
    patch.flush({ ...renamed.clusters[0], name: 'Gardeners' });
    await settle();
    await answer(ANALYSIS, renamed);

    const casa = page.querySelector('tr[data-cluster="1"]')!;
    expect(casa.querySelector('.suggested')?.textContent).toContain('Suggested: Hogar');
    button('Use it', casa).click();
    expect(http.expectOne({ method: 'PATCH', url: `${ANALYSIS}/clusters/1` }).request.body).toEqual({ name: 'Hogar' });
  });

  it('creates an inactive campaign to the cluster and opens it in the automation editor', async () => {
    const { answer, button, page, settle, http } = await render();
    await answer(ANALYSIS, aDoneAnalysis());
    await answer(`${ANALYSIS}/enrichments`, { items: [] });
    button('Create a campaign for this cluster', page.querySelector('tr[data-cluster="2"]')!).click();
    const post = http.expectOne({ method: 'POST', url: '/api/v1/automations' });
    expect(post.request.body.name).toBe('Plantas');
    expect(post.request.body.definition.trigger.audience.conditions).toEqual([
      { kind: 'persona_cluster', analysisId: 'departments-2026', test: { op: 'equals', value: 'Plantas' } },
    ]);
    post.flush({ id: '12', name: 'Plantas', status: 'inactive' });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/automations/12');
  });

  it("shows the server's refusal of a campaign beside its cluster", async () => {
    const { answer, button, page, settle, http } = await render();
    await answer(ANALYSIS, aDoneAnalysis());
    await answer(`${ANALYSIS}/enrichments`, { items: [] });
    button('Create a campaign for this cluster', page.querySelector('tr[data-cluster="2"]')!).click();
    http
      .expectOne({ method: 'POST', url: '/api/v1/automations' })
      .flush({ error: { code: 'INVALID_AUTOMATION', message: 'The audience names an unknown analysis.' } }, { status: 400, statusText: 'Bad Request' });
    await settle();
    expect(page.querySelector('tr[data-cluster="2"] [role="alert"]')?.textContent).toContain('The audience names an unknown analysis.');
  });

  it('enriches the customers of a cluster: says how many first, applies the pairs, lists the enrichment and reverts it', async () => {
    const { answer, button, page, settle, http, text } = await render();
    await answer(ANALYSIS, aDoneAnalysis());
    await answer(`${ANALYSIS}/enrichments`, { items: [] });
    expect(text('marea-enrichment-list')).toContain('No enrichments yet');

    button('Enrich customers…', page.querySelector('tr[data-cluster="0"]')!).click();
    await settle();
    const dialog = page.querySelector<HTMLElement>('marea-enrichment-dialog [role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    await answer(`${ANALYSIS}/clusters/0/customers?page=1&pageSize=5`, {
      items: [{ id: '1', externalId: 'c-1', firstName: 'Lucía', lastName: 'Gil', email: null, phone: null, city: null, createdAt: '2026-01-01T00:00:00Z' }],
      page: 1,
      pageSize: 5,
      total: 250,
    });
    expect(text('[data-applies-to]')).toBe('Applies to 250 customers');
    expect(dialog.textContent).toContain('Lucía Gil');

    button('Add the propensity levels', dialog).click();
    await settle();
    dialog.dispatchEvent(new Event('submit', { cancelable: true }));
    const post = http.expectOne({ method: 'POST', url: `${ANALYSIS}/clusters/0/enrichments` });
    expect(post.request.body).toEqual({
      attributes: { persona: 'Huerto + Plantas', propensity_huerto_eco: 'high', propensity_plantas: 'high', propensity_hogar: 'medium' },
    });
    post.flush(anEnrichment({ attributes: post.request.body.attributes }));
    await settle();
    expect(page.querySelector('marea-enrichment-dialog')).toBeNull();
    expect(text('.applied')).toBe('Applied to 250 customers.');

    await answer(`${ANALYSIS}/enrichments`, { items: [anEnrichment()] });
    const listed = page.querySelector('[data-enrichment="31"]')!;
    expect(listed.textContent).toContain('persona = Huerto + Plantas');
    expect(listed.textContent).toContain('250 customers');

    button('Revert', listed).click();
    http.expectOne({ method: 'POST', url: '/api/v1/analyses/personas/enrichments/31/revert' }).flush(anEnrichment({ revertedAt: '2026-11-24T08:45:00.000Z', keptOnRevert: 3 }));
    await settle();
    await answer(`${ANALYSIS}/enrichments`, { items: [anEnrichment({ revertedAt: '2026-11-24T08:45:00.000Z', keptOnRevert: 3 })] });
    expect(page.querySelector('[data-enrichment="31"]')?.textContent).toContain('Reverted');
    expect(page.querySelector('[data-enrichment="31"]')?.textContent).toContain('3 values changed since were kept');
  });

  it('refuses a key that is not a custom field key before sending anything', async () => {
    const { answer, button, page, settle, http } = await render();
    await answer(ANALYSIS, aDoneAnalysis());
    await answer(`${ANALYSIS}/enrichments`, { items: [] });
    button('Enrich customers…', page.querySelector('tr[data-cluster="0"]')!).click();
    await settle();
    await answer(`${ANALYSIS}/clusters/0/customers?page=1&pageSize=5`, { items: [], page: 1, pageSize: 5, total: 250 });
    const key = page.querySelector<HTMLInputElement>('#pair-key-0')!;
    key.value = 'Persona';
    key.dispatchEvent(new Event('input'));
    page.querySelector('marea-enrichment-dialog form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    http.expectNone({ method: 'POST', url: `${ANALYSIS}/clusters/0/enrichments` });
    expect(page.querySelector('#pair-0-problem')?.textContent).toContain('Key must be lower-case letters, digits and underscores');
    expect(key.getAttribute('aria-invalid')).toBe('true');
  });

  it('says why a failed analysis failed', async () => {
    const { answer, text } = await render();
    await answer(ANALYSIS, aDoneAnalysis({ status: 'failed', error: 'No customer of the audience bought a product with a department.', clusters: [] }));
    expect(text('.failed')).toContain('No customer of the audience bought a product with a department.');
  });

  it("shows the server's message when the analysis cannot be loaded", async () => {
    const { http, settle, text } = await render();
    http.expectOne(ANALYSIS).flush({ error: { code: 'PERSONA_ANALYSIS_NOT_FOUND', message: 'There is no persona analysis 7.' } }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(text('[role="alert"]')).toContain('There is no persona analysis 7.');
  });
});
