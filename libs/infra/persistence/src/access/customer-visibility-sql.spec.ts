import { useTestDatabase } from '@marea/testing';
import { customerVisibility, type UserPrincipal } from '@marea/domain/access';
import { customerVisibilitySql } from './customer-visibility-sql';

describe('a query of customers restricted to what the principal may see', () => {
  const db = useTestDatabase();
  const person = (userId: string, role: UserPrincipal['role']): UserPrincipal => ({
    kind: 'user',
    userId,
    email: `${userId}@shop.example`,
    name: userId,
    role,
    sessionId: '1',
    csrfToken: 'x',
  });

  const visibleTo = async (principal: UserPrincipal) => {
    const params: unknown[] = ['%'];
    const visible = customerVisibilitySql(customerVisibility(principal), 'c', params);
    const rows = await db().dataSource.query(`SELECT c.external_id FROM customers c WHERE c.external_id LIKE $1 AND ${visible} ORDER BY 1`, params);
    return rows.map((row: { external_id: string }) => row.external_id);
  };

  it('gives a manager their own customers only, and everyone else every customer', async () => {
    const [ana, leo] = await db().dataSource.query(
      `INSERT INTO users (email, name, role) VALUES ('ana@shop.example', 'Ana', 'manager'), ('leo@shop.example', 'Leo', 'manager') RETURNING id::text AS id`,
    );
    await db().dataSource.query(
      `INSERT INTO customers (external_id, manager_id) VALUES ('c-ana-1', $1), ('c-ana-2', $1), ('c-leo', $2), ('c-nobody', NULL)`,
      [ana.id, leo.id],
    );
    expect(await visibleTo(person(ana.id, 'manager'))).toEqual(['c-ana-1', 'c-ana-2']);
    expect(await visibleTo(person(leo.id, 'manager'))).toEqual(['c-leo']);
    expect(await visibleTo(person('999', 'marketer'))).toEqual(['c-ana-1', 'c-ana-2', 'c-leo', 'c-nobody']);
  });
});
