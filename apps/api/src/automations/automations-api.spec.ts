import { startSmtpSink, useTestDatabase, type SmtpSink } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';

jest.setTimeout(60_000);

const EVERYONE = { version: 1, match: 'all', conditions: [] };
const springSale = (at: string) => ({
  name: 'Spring sale',
  definition: {
    version: 1,
    trigger: { kind: 'once', at, audience: EVERYONE },
    start: 'mail',
    steps: {
      mail: {
        kind: 'action',
        action: { kind: 'email', template: { subject: 'Spring sale, {{customer.firstName}}', html: '<p>20% off, {{customer.firstName}}</p>', text: '20% off' } },
        next: 'done',
      },
      done: { kind: 'exit' },
    },
  },
});

describe('the automations API: marketers define, activate and watch automations; managers read', () => {
  const db = useTestDatabase();
  let marketer: ApiUnderTest;
  let sink: SmtpSink;
  let ana: string;
  let bo: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    marketer = await startApi(db(), { SMTP_URL: sink.url, MAIL_FROM: 'Tienda <news@shop.test>', AUTOMATION_ENGINE: 'on' }, { as: 'marketer' });
    [{ id: ana }, { id: bo }] = await marketer.rows<{ id: string }>(
      `INSERT INTO customers (external_id, first_name, email) VALUES ('ana', 'Ana', 'ana@shop.test'), ('bo', 'Bo', 'bo@shop.test') RETURNING id::text`,
    );
    await marketer.rows(`INSERT INTO consents (customer_id, channel, status, changed_at, source) VALUES ($1, 'email', 'given', now(), 'test')`, [ana]);
  });
  afterAll(async () => {
    await marketer?.close();
    await sink?.close();
  });

  it('refuses a definition with every problem at its path', async () => {
    const draft = springSale(new Date().toISOString());
    const broken = {
      ...draft,
      definition: {
        ...draft.definition,
        steps: {
          mail: { ...draft.definition.steps.mail, next: 'later', action: { kind: 'email', template: { subject: 'Hi {{#if}}', html: '<p>x</p>', text: 'x' } } },
          orphan: { kind: 'exit' },
        },
      },
    };
    const answer = await marketer.send('POST', '/api/v1/automations', broken);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('INVALID_AUTOMATION');
    expect(answer.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(['definition.steps.mail.next', 'definition.steps.mail.action.template.subject']);

    const noStart = await marketer.send('POST', '/api/v1/automations', { ...draft, definition: { ...draft.definition, steps: { mail: draft.definition.steps.mail } } });
    expect(noStart.body.error.details).toEqual([{ field: 'definition.steps.mail.next', message: 'names no step: "done"' }]);

    const badTemplate = await marketer.send('POST', '/api/v1/automations', {
      ...draft,
      definition: { ...draft.definition, steps: { ...draft.definition.steps, mail: { ...draft.definition.steps.mail, action: { kind: 'email', template: { subject: 'Hi {{#if}}', html: '<p>x</p>', text: 'x' } } } } },
    });
    expect(badTemplate.status).toBe(400);
    expect(badTemplate.body.error.details[0].field).toBe('definition.steps.mail.action.template.subject');
  });

  it('previews a step of an unsaved draft for a customer, refusing only that step’s own problems', async () => {
    const draft = springSale(new Date().toISOString()).definition;
    const edited = {
      ...draft,
      // Unfinished elsewhere: a step nothing leads to yet does not stop the preview.
      steps: { ...draft.steps, mail: { ...draft.steps.mail, action: { kind: 'email', template: { subject: 'Last days, {{customer.firstName}}', html: '<p>x</p>', text: 'x' } } }, later: { kind: 'exit' } },
    };
    const preview = await marketer.send('POST', '/api/v1/automations/preview', { definition: edited, stepId: 'mail', customerId: ana });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ channel: 'email', to: 'ana@shop.test', subject: 'Last days, Ana' });

    const broken = { ...edited, steps: { ...edited.steps, mail: { ...edited.steps.mail, action: { kind: 'email', template: { subject: 'Hi {{#if}}', html: '<p>x</p>', text: 'x' } } } } };
    const refused = await marketer.send('POST', '/api/v1/automations/preview', { definition: broken, stepId: 'mail', customerId: ana });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(['definition.steps.mail.action.template.subject']);
    const invalidDraft = await marketer.send('POST', '/api/v1/automations/preview', { definition: { ...edited, trigger: { kind: 'nope' } }, stepId: 'mail', customerId: ana });
    expect(invalidDraft.status).toBe(400);
    expect(invalidDraft.body.error.details[0].field).toMatch(/^definition\.trigger/);
    const nobody = await marketer.send('POST', '/api/v1/automations/preview', { definition: edited, stepId: 'mail', customerId: '999999' });
    expect(nobody.body.error.code).toBe('CUSTOMER_NOT_FOUND');
  });

  it('a campaign activated through the API reaches the SMTP server, with its why, runs and statistics', async () => {
    const created = await marketer.send('POST', '/api/v1/automations', springSale(new Date(Date.now() - 1000).toISOString()));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'inactive', currentVersion: 1 });
    const id = created.body.id;

    const preview = await marketer.send('POST', `/api/v1/automations/${id}/preview`, { stepId: 'mail', customerId: ana });
    expect(preview.body).toMatchObject({ channel: 'email', to: 'ana@shop.test', subject: 'Spring sale, Ana' });

    const test = await marketer.send('POST', `/api/v1/automations/${id}/test-send`, { stepId: 'mail', customerId: ana, addresses: ['boss@shop.test'] });
    expect(test.body.items).toEqual([{ address: 'boss@shop.test', outcome: 'accepted', detail: expect.any(String) }]);
    expect((await sink.waitFor(1)).map((mail) => [mail.to, mail.subject])).toEqual([[['boss@shop.test'], '[Test] Spring sale, Ana']]);

    expect((await marketer.send('POST', `/api/v1/automations/${id}/activate`)).body.status).toBe('active');
    expect(await marketer.rows(`SELECT action, subject FROM audit_log WHERE action = 'automation.activated'`)).toEqual([{ action: 'automation.activated', subject: `automation ${id}` }]);
    const received = await sink.waitFor(2, 20_000);
    expect(received[1]).toMatchObject({ to: ['ana@shop.test'], subject: 'Spring sale, Ana' });

    const manager = await marketer.as('manager');
    const why = await manager.send('GET', `/api/v1/automations/${id}/why/${bo}`);
    expect(why.body.items.map((entry: { stepId: string; reason: string }) => [entry.stepId, entry.reason])).toEqual([
      ['$entry', 'entered'],
      ['mail', 'no-consent'],
    ]);
    expect(why.body.items[1].explanation).toMatch(/consent/);

    let runs = await manager.send('GET', `/api/v1/automations/${id}/runs`);
    for (let tries = 0; tries < 50 && runs.body.items.some((run: { status: string }) => run.status === 'active'); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      runs = await manager.send('GET', `/api/v1/automations/${id}/runs`);
    }
    expect(runs.body.items.map((run: { status: string }) => run.status)).toEqual(['completed', 'completed']);

    const today = new Date().toISOString().slice(0, 10);
    const statistics = await manager.send('GET', `/api/v1/automations/${id}/statistics?from=${today}&to=${today}`);
    expect(statistics.body.automation).toEqual([{ day: today, stepId: null, counts: expect.objectContaining({ entered: 2, sent: 1, delivered: 1, failed: 0, capped: 0 }) }]);
    expect(statistics.body.steps).toEqual([{ day: today, stepId: 'mail', counts: expect.objectContaining({ sent: 1 }) }]);

    expect((await manager.send('PUT', `/api/v1/automations/${id}`, springSale(new Date().toISOString()))).status).toBe(403);
    const edited = await marketer.send('PUT', `/api/v1/automations/${id}`, { ...springSale(new Date().toISOString()), name: 'Spring sale (2)' });
    expect(edited.body).toMatchObject({ name: 'Spring sale (2)', currentVersion: 2 });
    const versions = await manager.send('GET', `/api/v1/automations/${id}/versions`);
    expect(versions.body.items.map((version: { version: number }) => version.version)).toEqual([2, 1]);

    expect((await marketer.send('GET', '/api/v1/automations/dead-letters')).body).toEqual({ items: [] });
    expect((await marketer.send('GET', '/api/v1/automations/999999')).status).toBe(404);
    expect((await marketer.send('GET', `/api/v1/automations/${id}/statistics?from=yesterday`)).body.error.details[0].field).toBe('from');
  });
});
