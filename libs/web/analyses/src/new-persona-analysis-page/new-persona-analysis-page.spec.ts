import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { aDoneAnalysis } from '../testing/persona-results';
import { NewPersonaAnalysisPage } from './new-persona-analysis-page';

@Component({ template: '' })
class AnalysisStandIn {}

async function render(from?: string) {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: 'analyses/personas/:id', component: AnalysisStandIn }])],
  });
  const fixture = TestBed.createComponent(NewPersonaAnalysisPage);
  if (from) fixture.componentRef.setInput('from', from);
  const http = TestBed.inject(HttpTestingController);
  const page = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve, 0));
    fixture.detectChanges();
  };
  await settle();
  const control = <T extends HTMLElement>(id: string) => page.querySelector<T>(`#${id}`)!;
  const type = async (id: string, value: string) => {
    const input = control<HTMLInputElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle();
  };
  const choose = async (id: string, value: string) => {
    const select = control<HTMLSelectElement>(id);
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await settle();
  };
  const start = async () => {
    page.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
  };
  return { http, page, settle, type, choose, start, control };
}

describe('a new persona analysis', () => {
  it('starts an analysis with the chosen parameters and follows it', async () => {
    const { http, type, choose, start, settle } = await render();
    await type('analysis-name', 'Departments k=4');
    await type('analysis-attribute', 'department');
    await choose('analysis-unit', 'spend_share');
    await choose('analysis-transformation', 'row_normalise');
    await choose('analysis-clusters', '4');
    await type('analysis-seed', '7');
    await start();
    const post = http.expectOne({ method: 'POST', url: '/api/v1/analyses/personas' });
    expect(post.request.body).toEqual({
      name: 'Departments k=4',
      attribute: 'department',
      unit: 'spend_share',
      transformation: 'row_normalise',
      clusters: 4,
      audience: null,
      restarts: 10,
      seed: 7,
    });
    post.flush({ ...aDoneAnalysis(), id: '9', status: 'queued', progress: 0 });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/analyses/personas/9');
  });

  it("shows the contract's problems at their fields and sends nothing", async () => {
    const { http, start, page, type } = await render();
    await type('analysis-attribute', '');
    await start();
    http.expectNone({ method: 'POST', url: '/api/v1/analyses/personas' });
    expect(page.querySelector('#analysis-name-problem')?.textContent).toBe('must not be empty');
    expect(page.querySelector('#analysis-attribute-problem')?.textContent).toContain('needs a product attribute');
  });

  it("places the server's refusal at its field", async () => {
    const { http, start, page, type, settle } = await render();
    await type('analysis-name', 'By brand');
    await type('analysis-attribute', 'colour');
    await start();
    http.expectOne({ method: 'POST', url: '/api/v1/analyses/personas' }).flush(
      { error: { code: 'INVALID_PERSONA_ANALYSIS', message: 'No product has the attribute colour.', details: [{ field: 'attribute', message: 'no product has it' }] } },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('No product has the attribute colour.');
    expect(page.querySelector('#analysis-attribute-problem')?.textContent).toBe('no product has it');
  });

  it('starts from an earlier analysis and offers the number of clusters its data suggests', async () => {
    const { http, settle, page, control } = await render('7');
    http.expectOne('/api/v1/analyses/personas/7').flush(aDoneAnalysis({ parameters: { ...aDoneAnalysis().parameters, clusters: 6 } }));
    await settle();
    expect(control<HTMLInputElement>('analysis-name').value).toBe('Departments 2026');
    expect(control<HTMLSelectElement>('analysis-clusters').value).toBe('6');
    expect(page.querySelector('.suggestion')?.textContent).toContain('suggests 4 clusters');
    [...page.querySelectorAll<HTMLButtonElement>('.suggestion button')].find((button) => button.textContent?.trim() === 'Use 4')!.click();
    await settle();
    expect(control<HTMLSelectElement>('analysis-clusters').value).toBe('4');
  });
});
