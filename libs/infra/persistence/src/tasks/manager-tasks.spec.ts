import { useTestDatabase } from '@marea/testing';
import { PgManagerTasks } from './pg-manager-tasks';
import { changeTaskStatus, listTasks, type TaskReader } from './task-inbox';
import { decodeTaskCursor } from './task-cursor';
import { readCustomerTimeline } from '../customers/read-customer-timeline';

const source = { automationId: '3', automationName: 'Lapsed VIP' };
const hours = (n: number) => new Date(Date.now() + n * 3_600_000);

describe('tasks for customers’ managers', () => {
  const db = useTestDatabase();
  const query = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => db().dataSource.query<T[]>(text, params);
  const tasks = () => new PgManagerTasks(db().dataSource);
  let marta: string;
  let pablo: string;
  const customers: Record<string, string> = {};

  beforeAll(async () => {
    [{ id: marta }, { id: pablo }] = await query<{ id: string }>(
      `INSERT INTO users (email, name, role) VALUES ('marta@shop.test', 'Marta', 'manager'), ('pablo@shop.test', 'Pablo', 'manager') RETURNING id::text`,
    );
    const rows = await query<{ id: string; external_id: string }>(
      `INSERT INTO customers (external_id, first_name, manager_id) VALUES ('ana', 'Ana', $1), ('bo', 'Bo', $2), ('cy', NULL, NULL)
       RETURNING id::text, external_id`,
      [marta, pablo],
    );
    for (const row of rows) customers[row.external_id] = row.id;
  });

  const draft = (effectKey: string, customer: string, dueAt: Date, title = `Call ${customer}`) => ({
    effectKey,
    customerId: customers[customer],
    title,
    description: 'They have not ordered for 90 days.',
    dueAt,
    priority: 'high' as const,
    source,
  });
  const asMarta = (): TaskReader => ({ visibility: { kind: 'managed-by', userId: marta }, userId: marta });
  const admin: TaskReader = { visibility: { kind: 'all' }, userId: null };
  const titles = async (view: 'mine' | 'due' | 'overdue' | 'done' | 'queue' | 'all', reader: TaskReader) =>
    (await listTasks(db().dataSource, { view, after: null, limit: 50 }, reader)).items.map((task) => task.title);

  it('assigns a task to the customer’s manager, once per effect key', async () => {
    const first = await tasks().create(draft('d-1', 'ana', hours(2)));
    const again = await tasks().create(draft('d-1', 'ana', hours(2)));
    expect(first.created).toBe(true);
    expect(again).toEqual({ taskId: first.taskId, created: false });
    const rows = await query(`SELECT assignee_id::text, title, priority, source_automation_name FROM tasks`);
    expect(rows).toEqual([{ assignee_id: marta, title: 'Call ana', priority: 'high', source_automation_name: 'Lapsed VIP' }]);
  });

  it('puts the task of a customer without a manager in the default queue', async () => {
    await tasks().create(draft('d-2', 'cy', hours(-1)));
    const [row] = await query(`SELECT assignee_id FROM tasks WHERE effect_key = 'd-2'`);
    expect(row).toEqual({ assignee_id: null });
  });

  it('shows a manager their own tasks and the queue, and an admin everything, by tab', async () => {
    await tasks().create(draft('d-3', 'bo', hours(5)));
    await tasks().create(draft('d-4', 'ana', hours(-3), 'Overdue call ana'));
    await tasks().create(draft('d-5', 'ana', hours(48), 'Later call ana'));

    expect(await titles('mine', asMarta())).toEqual(['Overdue call ana', 'Call ana', 'Later call ana']);
    expect(await titles('overdue', asMarta())).toEqual(['Overdue call ana', 'Call cy']);
    expect(await titles('due', asMarta())).toEqual(['Call ana']);
    expect(await titles('queue', asMarta())).toEqual(['Call cy']);
    expect(await titles('all', asMarta())).not.toContain('Call bo');
    expect(await titles('due', admin)).toEqual(['Call ana', 'Call bo']);
    expect(await titles('mine', admin)).toEqual([]);
  });

  it('completes and reopens a task, each once in the customer’s timeline', async () => {
    const [{ id }] = await query<{ id: string }>(`SELECT id::text FROM tasks WHERE effect_key = 'd-1'`);
    await changeTaskStatus(db().dataSource, id, 'done', 'marta@shop.test');
    await changeTaskStatus(db().dataSource, id, 'done', 'marta@shop.test');
    expect(await titles('done', asMarta())).toEqual(['Call ana']);
    expect(await titles('mine', asMarta())).not.toContain('Call ana');
    await changeTaskStatus(db().dataSource, id, 'open', 'admin@shop.test');

    const timeline = await readCustomerTimeline(db().dataSource, { customerId: customers['ana'], before: null, limit: 20, types: ['task'], now: new Date() });
    const mine = timeline.entries.filter((entry) => entry.type === 'task' && entry.task.id === id);
    expect(mine.map((entry) => (entry.type === 'task' ? `${entry.change} by ${entry.by}` : ''))).toEqual([
      'reopened by admin@shop.test',
      'done by marta@shop.test',
      'created by automation Lapsed VIP',
    ]);
  });

  it('pages through a tab without skipping or repeating a task', async () => {
    const seen: string[] = [];
    let after = null;
    do {
      const page = await listTasks(db().dataSource, { view: 'all', after, limit: 2 }, admin);
      seen.push(...page.items.map((task) => task.id));
      after = page.nextAfter ? decodeTaskCursor(page.nextAfter) : null;
    } while (after);
    const [{ count }] = await query<{ count: number }>(`SELECT count(*)::int AS count FROM tasks`);
    expect(new Set(seen).size).toBe(count);
    expect(seen).toHaveLength(count);
  });
});
