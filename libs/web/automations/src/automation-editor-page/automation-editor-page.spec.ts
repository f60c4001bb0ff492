import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AutomationDraft, SegmentCatalogue } from '@marea/contracts';
import { statistics, statisticsUrl, welcome } from '../testing/automation-fixtures';
import { AutomationEditorPage } from './automation-editor-page';

const catalogue: SegmentCatalogue = { timeZone: 'Europe/Madrid', customFields: [{ key: 'shoe_size', label: 'Shoe size', type: 'number' }], segments: ['NEW', 'VIP'] };

describe('the automation editor', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AutomationEditorPage>;
  let screen: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: 'automations/:id', children: [] }])],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const node = (id: string) => screen.querySelector(`[data-node="${id}"]`) as HTMLButtonElement;
  const field = (id: string) => screen.querySelector(`#${id}`) as HTMLInputElement;
  async function click(element: Element): Promise<void> {
    (element as HTMLElement).click();
    await fixture.whenStable();
  }
  async function type(id: string, value: string, event = 'input'): Promise<void> {
    const input = field(id);
    input.value = value;
    input.dispatchEvent(new Event(event));
    await fixture.whenStable();
  }
  const button = (text: string) => [...screen.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === text) as HTMLButtonElement;

  async function openNew(kind?: string) {
    fixture = TestBed.createComponent(AutomationEditorPage);
    if (kind) fixture.componentRef.setInput('kind', kind);
    screen = fixture.nativeElement;
    TestBed.tick();
    http.expectOne('/api/v1/segment-values').flush(catalogue);
    await fixture.whenStable();
  }

  async function openWelcome() {
    fixture = TestBed.createComponent(AutomationEditorPage);
    fixture.componentRef.setInput('id', '4');
    screen = fixture.nativeElement;
    TestBed.tick();
    http.expectOne('/api/v1/automations/4').flush(welcome);
    http.expectOne('/api/v1/segment-values').flush(catalogue);
    http.expectOne(statisticsUrl('4')).flush(statistics({ mail: 12, sms: 5 }));
    await fixture.whenStable();
  }

  it('builds "enters segment → email → wait a day" from scratch, refusing to save until the flow is complete', async () => {
    await openNew();
    expect([...screen.querySelectorAll('[data-node]')].map((each) => each.getAttribute('data-node'))).toEqual(['trigger', 'conditions', 'email']);

    await click(button('Create'));
    expect(screen.querySelector('#automation-name-problem')?.textContent).toContain('Give the automation a name.');
    expect(node('trigger').textContent).toContain('segmentCode: needs a segment code');
    expect(screen.querySelector('[data-problem-count]')?.textContent).toContain('1 thing(s) to fix');

    await type('automation-name', 'Welcome');
    await type('trigger-segment', 'NEW');
    expect(node('trigger').textContent).toContain('Enters segment NEW');
    expect(node('trigger').classList).not.toContain('node--problem');

    await click(node('email'));
    expect(screen.querySelector('#panel-heading')?.textContent).toBe('Step');
    await type('step-subject', '');
    expect(node('email').textContent).toContain('action.template.subject: needs a subject');
    await type('step-subject', 'Bienvenida');
    expect(node('email').textContent).toContain('Email: Bienvenida');

    const kind = field('add-step-kind') as unknown as HTMLSelectElement;
    kind.value = 'delay';
    await click(button('Add'));
    expect(node('delay').getAttribute('aria-pressed')).toBe('true');
    expect(node('delay').textContent).toContain('Wait 1 day(s)');

    await click(button('Create'));
    const request = http.expectOne('/api/v1/automations');
    expect(request.request.method).toBe('POST');
    const draft = request.request.body as AutomationDraft;
    expect(draft.name).toBe('Welcome');
    expect(draft.definition.trigger).toEqual({ kind: 'segment-entered', segmentCode: 'NEW' });
    expect(draft.definition.start).toBe('email');
    expect(draft.definition.steps['email']).toMatchObject({ next: 'delay', action: { template: { subject: 'Bienvenida' } } });
    expect(draft.definition.steps['delay']).toEqual({ kind: 'delay', delay: { kind: 'duration', minutes: 1440 }, next: null });
    request.flush({ ...welcome, id: '9', status: 'inactive', currentVersion: 1, name: 'Welcome', definition: draft.definition });
    await fixture.whenStable();
    expect(screen.querySelector('[data-status]')?.textContent).toContain('Inactive');
  });

  it('starts a campaign as a one-time send to an audience, edited in the rule builder', async () => {
    await openNew('campaign');
    expect(screen.querySelector('h1')?.textContent).toBe('New campaign');
    expect(node('trigger').textContent).toContain('Once, at');
    expect(screen.querySelector('#trigger-at')).not.toBeNull();
    expect(screen.querySelector('marea-trigger-panel marea-rule-builder')).not.toBeNull();
  });

  it('shows each step with its counts of the last 30 days, and a branch with its two paths side by side', async () => {
    await openWelcome();
    expect(screen.querySelector('h1')?.textContent).toBe('Welcome');
    expect(node('mail').querySelector('.node__counts')?.textContent).toContain('24 sent');
    expect(node('sms').querySelector('.node__counts')?.textContent).toContain('10 sent');

    await click(node('wait'));
    const kind = field('add-step-kind') as unknown as HTMLSelectElement;
    kind.value = 'branch';
    await click(button('Add'));
    const paths = [...screen.querySelectorAll('.paths--split > .path')].map((path) => path.querySelector('.edge__label')?.textContent);
    expect(paths).toEqual(['Yes', 'No']);
    expect(screen.querySelector('.paths--split > .path [data-node="sms"]')).not.toBeNull();
    expect(screen.querySelector('marea-step-panel marea-rule-builder')).not.toBeNull();

    await click(button('Remove this step'));
    expect(screen.querySelector('.paths--split')).toBeNull();
    expect(node('sms')).not.toBeNull();
  });

  it('tags the customer after the welcome mail, and counts a point more of loyalty', async () => {
    await openWelcome();
    await click(node('mail'));
    (field('add-step-kind') as unknown as HTMLSelectElement).value = 'update-attributes';
    await click(button('Add'));
    const tag = screen.querySelector('[aria-label="Tag of change 1"]') as HTMLInputElement;
    tag.value = 'welcomed';
    tag.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    await click(button('Add a change'));
    const kind = screen.querySelector('[aria-label="Kind of change 2"]') as HTMLSelectElement;
    kind.value = 'increment';
    kind.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    const fieldOfChange = screen.querySelector('[aria-label="Field of change 2"]') as HTMLInputElement;
    fieldOfChange.value = 'attributes.loyalty_points';
    fieldOfChange.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(node('update-attributes').textContent).toContain('Update the profile (2 change(s))');

    await click(button('Save a new version'));
    const save = http.expectOne('/api/v1/automations/4');
    expect((save.request.body as AutomationDraft).definition.steps['update-attributes']).toEqual({
      kind: 'action',
      next: 'wait',
      action: { kind: 'update-attributes', operations: [{ op: 'add-tag', tag: 'welcomed' }, { op: 'increment', field: 'attributes.loyalty_points', by: 1 }] },
    });
    expect((save.request.body as AutomationDraft).definition.steps['mail']).toMatchObject({ next: 'update-attributes' });
    save.flush({ ...welcome, currentVersion: 4 });
    await fixture.whenStable();
  });

  it('lets a customer through at most once a month, and ends the run when they order', async () => {
    await openWelcome();
    await click(node('conditions'));
    const reEntry = field('re-entry') as unknown as HTMLSelectElement;
    reEntry.value = 'at-most-once-per';
    reEntry.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(field('re-entry-days').value).toBe('30');
    const goal = field('goal-kind') as unknown as HTMLSelectElement;
    goal.value = 'event';
    goal.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(node('conditions').textContent).toContain('Every customer, until “order”');

    await click(button('Save a new version'));
    const save = http.expectOne('/api/v1/automations/4');
    expect((save.request.body as AutomationDraft).definition).toMatchObject({ reEntry: { kind: 'at-most-once-per', days: 30 }, goal: { kind: 'event', eventName: 'order' } });
    save.flush({ ...welcome, currentVersion: 4 });
    await fixture.whenStable();
  });

  it('counts SMS segments as the marketer types, GSM-7 or UCS-2', async () => {
    await openWelcome();
    await click(node('sms'));
    await type('step-sms', 'a'.repeat(161));
    expect(screen.querySelector('[data-sms-length]')?.textContent).toBe('161 characters, GSM-7: 2 segment(s) of 153');
    await type('step-sms', 'Hola 👋');
    expect(screen.querySelector('[data-sms-length]')?.textContent).toBe('7 characters, UCS-2: 1 segment(s) of 70');
  });

  it('inserts a variable where the cursor was in the email', async () => {
    await openWelcome();
    await click(node('mail'));
    const text = field('step-text') as unknown as HTMLTextAreaElement;
    text.focus();
    text.dispatchEvent(new FocusEvent('focus'));
    text.setSelectionRange(4, 4);
    const picker = field('step-variable') as unknown as HTMLSelectElement;
    picker.value = '{{customer.attributes.shoe_size}}';
    await click(button('Insert'));
    expect((field('step-text') as unknown as HTMLTextAreaElement).value).toBe('Hola{{customer.attributes.shoe_size}}');
  });

  it('saves a new version, deactivates, previews the email for a customer, sends a test and explains a customer', async () => {
    await openWelcome();
    await click(node('mail'));
    await type('step-subject', 'Bienvenida otra vez');
    await click(button('Save a new version'));
    const save = http.expectOne('/api/v1/automations/4');
    expect(save.request.method).toBe('PUT');
    expect((save.request.body as AutomationDraft).definition.steps['mail']).toMatchObject({ action: { template: { subject: 'Bienvenida otra vez' } } });
    const version4 = { ...welcome, currentVersion: 4, definition: (save.request.body as AutomationDraft).definition };
    save.flush(version4);
    await fixture.whenStable();
    expect(screen.querySelector('[role="status"].notice')?.textContent).toContain('Saved as version 4.');

    await click(button('Deactivate'));
    http.expectOne('/api/v1/automations/4/deactivate').flush({ ...version4, status: 'inactive' });
    await fixture.whenStable();
    expect(screen.querySelector('[data-status]')?.textContent).toContain('Inactive');

    field('preview-customer').value = '7';
    field('preview-customer').form?.requestSubmit();
    TestBed.tick();
    const preview = http.expectOne('/api/v1/automations/4/preview');
    expect(preview.request.body).toEqual({ stepId: 'mail', customerId: '7' });
    preview.flush({ channel: 'email', to: 'lucia@example.com', subject: 'Bienvenida otra vez, Lucía', html: '<p>Hola Lucía</p>', text: 'Hola Lucía', smsSegments: null });
    await fixture.whenStable();
    expect(screen.querySelector('[data-preview]')?.textContent).toContain('Bienvenida otra vez, Lucía');
    expect(screen.querySelector('[data-preview] iframe')?.getAttribute('srcdoc')).toBe('<p>Hola Lucía</p>');

    field('test-addresses').value = 'rosa@shop.example, bad';
    field('test-addresses').form?.requestSubmit();
    const test = http.expectOne('/api/v1/automations/4/test-send');
    expect(test.request.body).toEqual({ stepId: 'mail', customerId: '7', addresses: ['rosa@shop.example', 'bad'] });
    test.flush({
      items: [
        { address: 'rosa@shop.example', outcome: 'accepted', detail: '250 OK' },
        { address: 'bad', outcome: 'rejected', detail: 'not an address' },
      ],
    });
    await fixture.whenStable();
    expect(screen.querySelector('.results')?.textContent).toContain('bad: rejected not an address');

    field('why-customer').value = '7';
    field('why-customer').form?.requestSubmit();
    TestBed.tick();
    http.expectOne('/api/v1/automations/4/why/7').flush({
      items: [{ at: '2026-11-23T10:00:00.000Z', version: 3, occurrence: 'feed:1', stepId: 'mail', outcome: 'skipped', reason: 'no-consent', explanation: 'No consent for email.', detail: null }],
    });
    await fixture.whenStable();
    expect(screen.querySelector('[data-trace]')?.textContent).toContain('No consent for email.');
  });

  it("shows the server's message when a save is refused, and its problems on their node until the next edit", async () => {
    await openWelcome();
    await click(button('Save a new version'));
    http
      .expectOne('/api/v1/automations/4')
      .flush(
        {
          error: {
            code: 'INVALID_AUTOMATION',
            message: 'The automation is not valid: definition.steps.mail.action.template.html: unclosed {{#if}}.',
            details: [{ field: 'definition.steps.mail.action.template.html', message: 'unclosed {{#if}}' }],
          },
        },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();
    expect(screen.querySelector('.save-error')?.textContent).toContain('unclosed {{#if}}');
    expect(node('mail').textContent).toContain('action.template.html: unclosed {{#if}}');

    await click(node('mail'));
    await type('step-html', '<p>Hola</p>');
    expect(node('mail').textContent).not.toContain('unclosed');
  });

  it('moves between Flow, Runs and Versions with the arrow keys, and copies a past version into the editor', async () => {
    await openWelcome();
    const tab = (name: string) => [...screen.querySelectorAll('[role="tab"]')].find((item) => item.textContent?.trim() === name) as HTMLButtonElement;
    expect([...screen.querySelectorAll('[role="tab"]')].map((item) => [item.textContent?.trim(), item.getAttribute('aria-selected')])).toEqual([
      ['Flow', 'true'],
      ['Runs', 'false'],
      ['Versions', 'false'],
    ]);
    tab('Flow').focus();
    tab('Flow').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    TestBed.tick();
    expect(tab('Runs').getAttribute('aria-selected')).toBe('true');
    http.expectOne('/api/v1/automations/4/runs?limit=50').flush({ items: [] });
    await fixture.whenStable();
    expect(screen.querySelector('#automation-panel-runs')?.textContent).toContain('No run yet');

    tab('Runs').dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    TestBed.tick();
    http.expectOne('/api/v1/automations/4/versions').flush({
      items: [
        { version: 3, definition: welcome.definition, createdAt: '2026-11-20T10:00:00.000Z' },
        { version: 2, definition: { ...welcome.definition, start: 'sms' }, createdAt: '2026-11-10T10:00:00.000Z' },
      ],
    });
    await fixture.whenStable();
    const versions = [...screen.querySelectorAll('[data-version]')];
    expect(versions.map((item) => item.getAttribute('data-version'))).toEqual(['3', '2']);
    expect(versions[0].textContent).toContain('Current');
    await click(versions[1].querySelector('button') as HTMLButtonElement);
    const view = screen.querySelector('[data-version-view]') as HTMLElement;
    expect(view.textContent).toContain('Version 2, read-only');
    expect(view.querySelector('[inert] marea-flow-canvas')).not.toBeNull();

    await click(button('Copy into the editor'));
    expect(tab('Flow').getAttribute('aria-selected')).toBe('true');
    expect(screen.querySelector('.notice')?.textContent).toContain('save it to make it the current version');
    // Version 2 started with the SMS: the flow on the canvas is now that one, unsaved.
    const steps = [...screen.querySelectorAll('.editor__canvas [data-node]')].map((item) => item.getAttribute('data-node'));
    expect(steps.slice(0, 3)).toEqual(['trigger', 'conditions', 'sms']);
  });

  it('previews unsaved changes as they stand when Preview is pressed, and the saved version again after a save', async () => {
    await openWelcome();
    await click(node('mail'));
    await type('step-subject', 'Hola de nuevo, {{customer.firstName}}');
    field('preview-customer').value = '7';
    field('preview-customer').form?.requestSubmit();
    TestBed.tick();
    const draft = http.expectOne('/api/v1/automations/preview');
    expect(draft.request.method).toBe('POST');
    expect(draft.request.body.stepId).toBe('mail');
    expect(draft.request.body.customerId).toBe('7');
    expect(draft.request.body.definition.steps.mail.action.template.subject).toBe('Hola de nuevo, {{customer.firstName}}');
    draft.flush({ channel: 'email', to: 'lucia@example.com', subject: 'Hola de nuevo, Lucía', html: '<p>Hola</p>', text: 'Hola', smsSegments: null });
    await fixture.whenStable();
    expect(screen.querySelector('[data-preview]')?.textContent).toContain('Hola de nuevo, Lucía');
    expect(screen.querySelector('[data-preview-draft]')).not.toBeNull();

    // Typing more asks nothing: the draft is rendered when Preview is pressed.
    await type('step-subject', 'Hola otra vez');
    http.expectNone('/api/v1/automations/preview');

    await click(button('Save a new version'));
    const save = http.expectOne('/api/v1/automations/4');
    save.flush({ ...welcome, currentVersion: 4, definition: (save.request.body as AutomationDraft).definition });
    // Not whenStable(): the saved version's preview is being asked for, and keeps the app busy until answered.
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    http.expectOne('/api/v1/automations/4/preview').flush({ channel: 'email', to: 'lucia@example.com', subject: 'Hola otra vez', html: '<p>Hola</p>', text: 'Hola', smsSegments: null });
    await fixture.whenStable();
    expect(screen.querySelector('[data-preview-draft]')).toBeNull();
    expect(screen.querySelector('[data-preview]')?.textContent).toContain('Hola otra vez');
  });
});
