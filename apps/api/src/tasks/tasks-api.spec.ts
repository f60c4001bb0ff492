import { PgManagerTasks } from '@marea/infra/persistence';
import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';

const inHours = (n: number) => new Date(Date.now() + n * 3_600_000);
const lapsedVip = { automationId: '12', automationName: 'Lapsed VIP call' };

describe('the task inbox over HTTP', () => {
  const db = useTestDatabase();
  let admin: ApiUnderTest;
  let marta: ApiUnderTest;
  let pablo: ApiUnderTest;
  let marketer: ApiUnderTest;
  const customer: Record<string, string> = {};
  const task: Record<string, string> = {};

  beforeAll(async () => {
    admin = await startApi(db());
    [marta, pablo, marketer] = [await admin.as('manager'), await admin.as('manager'), await admin.as('marketer')];
    expect((await admin.batch('customers', [{ externalId: 'ana', firstName: 'Ana', lastName: 'Ruiz' }, { externalId: 'cy', email: 'cy@example.com' }])).status).toBe(200);
    for (const row of await admin.rows<{ id: string; external_id: string }>(`SELECT id::text, external_id FROM customers`)) customer[row.external_id] = row.id;
    await admin.rows(`UPDATE customers SET manager_id = $1 WHERE external_id = 'ana'`, [marta.userId]);

    // What an automation's task step does, through the port the engine calls.
    const tasks = new PgManagerTasks(db().dataSource);
    const draft = (effectKey: string, who: string, dueAt: Date) => ({
      effectKey,
      customerId: customer[who],
      title: `Call ${who}`,
      description: 'No order for 90 days.',
      dueAt,
      priority: 'high' as const,
      source: lapsedVip,
    });
    task['ana'] = (await tasks.create(draft('run-1:step-2', 'ana', inHours(-2)))).taskId;
    await tasks.create(draft('run-1:step-2', 'ana', inHours(-2))); // a retried step
    task['cy'] = (await tasks.create(draft('run-2:step-2', 'cy', inHours(3)))).taskId;
  });
  afterAll(() => admin?.close());

  const titles = async (client: ApiUnderTest, view: string) => {
    const answer = await client.send('GET', `/api/v1/tasks?view=${view}`);
    expect(answer.status).toBe(200);
    return answer.body.items.map((item: { title: string }) => item.title);
  };

  it('shows the manager their customer’s task once, overdue, with its customer and source automation', async () => {
    const answer = await marta.send('GET', '/api/v1/tasks?view=mine');
    expect(answer.body).toEqual({
      items: [
        expect.objectContaining({
          id: task['ana'],
          customer: { id: customer['ana'], name: 'Ana Ruiz' },
          assignee: { id: marta.userId, name: 'Test manager' },
          title: 'Call ana',
          overdue: true,
          priority: 'high',
          status: 'open',
          source: lapsedVip,
        }),
      ],
      nextAfter: null,
    });
    expect(await titles(marta, 'overdue')).toEqual(['Call ana']);
  });

  it('puts the task of a customer without a manager in the default queue, which managers see and admins work off', async () => {
    expect(await titles(marta, 'queue')).toEqual(['Call cy']);
    expect(await titles(admin, 'due')).toEqual(['Call cy']);
    expect((await marta.send('PATCH', `/api/v1/tasks/${task['cy']}`, { status: 'done' })).body.error.code).toBe('NOT_YOUR_TASK');
    const done = await marketer.send('PATCH', `/api/v1/tasks/${task['cy']}`, { status: 'done' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', doneBy: expect.stringMatching(/^marketer-/) });
  });

  it('hides a manager’s tasks from another manager, who may not complete them either', async () => {
    expect(await titles(pablo, 'all')).toEqual(['Call cy']); // the queue only
    expect((await pablo.send('GET', `/api/v1/tasks/${task['ana']}`)).status).toBe(404);
    const refused = await pablo.send('PATCH', `/api/v1/tasks/${task['ana']}`, { status: 'done' });
    expect(refused).toEqual({
      status: 403,
      body: { error: { code: 'NOT_YOUR_TASK', message: `Task ${task['ana']} is assigned to another manager; only they, an admin or a marketer can change it.` } },
    });
    expect((await marta.send('GET', `/api/v1/tasks/${task['ana']}`)).body.status).toBe('open');
  });

  it('lets the manager complete and reopen their task, each step in the customer’s timeline', async () => {
    const done = await marta.send('PATCH', `/api/v1/tasks/${task['ana']}`, { status: 'done' });
    expect(done.body).toMatchObject({ status: 'done', overdue: false });
    expect(await titles(marta, 'done')).toEqual(['Call ana', 'Call cy']); // hers, and the queue's
    expect(await titles(marta, 'mine')).toEqual([]);
    expect((await marta.send('PATCH', `/api/v1/tasks/${task['ana']}`, { status: 'open' })).body).toMatchObject({ status: 'open', doneAt: null });

    const timeline = await marta.send('GET', `/api/v1/customers/${customer['ana']}/timeline?types=task`);
    expect(timeline.body.entries.map((entry: { change: string; task: { title: string } }) => `${entry.task.title}: ${entry.change}`)).toEqual([
      'Call ana: reopened',
      'Call ana: done',
      'Call ana: created',
    ]);
    expect(timeline.body.entries[2].by).toBe('automation Lapsed VIP call');
  });

  it('creates a task by hand for a manager’s own customer, and for nobody else’s', async () => {
    const draft = { customerId: customer['ana'], title: 'Send the catalogue', dueAt: inHours(30).toISOString(), priority: 'low' };
    const created = await marta.send('POST', '/api/v1/tasks', draft);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Send the catalogue', assignee: { id: marta.userId }, source: null, description: '' });
    expect((await pablo.send('POST', '/api/v1/tasks', draft)).status).toBe(404);
    expect((await admin.send('POST', '/api/v1/tasks', { ...draft, customerId: customer['cy'] })).body.assignee).toBeNull();
  });

  it('names every field of a task that is not valid, and a view that does not exist', async () => {
    const answer = await marta.send('POST', '/api/v1/tasks', { customerId: customer['ana'], title: ' ', dueAt: 'tomorrow', priority: 'urgent' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('INVALID_TASK');
    expect(answer.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['dueAt', 'priority', 'title']);

    const view = await marta.send('GET', '/api/v1/tasks?view=later');
    expect(view.status).toBe(400);
    expect(view.body.error.details).toEqual([{ field: 'view', message: expect.stringContaining('mine') }]);
    expect((await marta.send('PATCH', `/api/v1/tasks/${task['ana']}`, { status: 'closed' })).body.error.details[0].field).toBe('status');
  });

  it('pages a tab with nextAfter', async () => {
    const first = await admin.send('GET', '/api/v1/tasks?view=all&limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await admin.send('GET', `/api/v1/tasks?view=all&limit=2&after=${first.body.nextAfter}`);
    const ids = [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(4);
    expect(second.body.nextAfter).toBeNull();
    expect((await admin.send('GET', '/api/v1/tasks?after=nonsense')).body.error.details).toEqual([{ field: 'after', message: 'must be the nextAfter of a previous page' }]);
  });
});
