import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AutomationRun, AutomationTraceEntry } from '@marea/contracts';
import { AutomationRunsHarness } from '../testing/automation-runs.harness';
import { AutomationRuns } from './automation-runs';

const lucia: AutomationRun = {
  id: '31',
  version: 3,
  customerId: '17',
  occurrence: 'segment:NEW:17:2',
  status: 'completed',
  currentStep: null,
  enteredAt: '2026-11-23T09:00:00.000Z',
  endedAt: '2026-11-23T09:00:02.000Z',
};
const tomasz: AutomationRun = { ...lucia, id: '32', customerId: '18', occurrence: 'segment:NEW:18:1', status: 'active', currentStep: 'wait', endedAt: null };

const entry = (occurrence: string, stepId: string, outcome: AutomationTraceEntry['outcome'], reason: string, explanation: string, at: string): AutomationTraceEntry => ({
  at,
  version: 3,
  occurrence,
  stepId,
  outcome,
  reason,
  explanation,
  detail: null,
});

describe('the Runs tab of an automation', () => {
  let fixture: ComponentFixture<AutomationRuns>;
  let runs: AutomationRunsHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AutomationRuns);
    fixture.componentRef.setInput('automationId', '4');
    runs = new AutomationRunsHarness(fixture, fixture.nativeElement);
    fixture.detectChanges();
  });
  afterEach(() => http.verify());

  async function answerRuns(url: string, items: AutomationRun[]) {
    http.expectOne(url).flush({ items });
    await fixture.whenStable();
  }

  it('lists the runs newest first: the customer (a link to the profile), the version, where the run is or how it ended', async () => {
    await answerRuns('/api/v1/automations/4/runs?limit=50', [lucia, tomasz]);
    expect(await runs.rows()).toEqual([
      { customer: '#17', version: 'v3', status: 'Completed' },
      { customer: '#18', version: 'v3', status: 'In progress, at wait' },
    ]);
    expect(await runs.customerLink('17')).toBe('/customers/17');
  });

  it("opens a run onto its steps and each decision's reason, only those of that run", async () => {
    await answerRuns('/api/v1/automations/4/runs?limit=50', [lucia]);
    expect(await runs.toggleSteps('17')).toBe(true);
    http.expectOne('/api/v1/automations/4/why/17').flush({
      items: [
        // An earlier run of the same customer (another occurrence) stays out of this one.
        entry('segment:NEW:17:1', 'mail', 'skipped', 'no-consent', 'The customer has not consented to this channel.', '2026-11-20T09:00:00.000Z'),
        entry('segment:NEW:17:2', '$entry', 'acted', 'entered', 'The customer entered the automation.', '2026-11-23T09:00:00.000Z'),
        entry('segment:NEW:17:2', 'mail', 'acted', 'sent', 'The message was sent.', '2026-11-23T09:00:01.000Z'),
      ],
    });
    await fixture.whenStable();
    expect(await runs.steps('17')).toEqual([
      { step: '$entry', outcome: 'Done', reason: 'entered' },
      { step: 'mail', outcome: 'Done', reason: 'sent' },
    ]);
    expect(await runs.text()).toContain('The message was sent.');

    expect(await runs.toggleSteps('17')).toBe(false);
    expect(await runs.steps('17')).toEqual([]);
  });

  it("shows one customer's runs on request, and says when there are none", async () => {
    await answerRuns('/api/v1/automations/4/runs?limit=50', [lucia, tomasz]);
    await runs.filterByCustomer('18');
    await answerRuns('/api/v1/automations/4/runs?limit=50&customerId=18', [tomasz]);
    expect((await runs.rows()).map((row) => row.customer)).toEqual(['#18']);

    await runs.filterByCustomer('99');
    await answerRuns('/api/v1/automations/4/runs?limit=50&customerId=99', []);
    expect(await runs.text()).toContain('No run for this customer');
  });

  it("says when nothing has run yet, and shows the server's message when the runs cannot be read", async () => {
    await answerRuns('/api/v1/automations/4/runs?limit=50', []);
    expect(await runs.text()).toContain('No run yet');

    await runs.filterByCustomer('abc');
    http
      .expectOne('/api/v1/automations/4/runs?limit=50&customerId=abc')
      .flush({ error: { code: 'INVALID_QUERY', message: 'The runs query is not valid: customerId needs a customer id.' } }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[role="alert"]')?.textContent).toContain('customerId needs a customer id');
  });
});
