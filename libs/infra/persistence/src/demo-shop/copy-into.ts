import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Streams COPY text (`rows`, newline-terminated lines) into `table`. */
export async function copyInto(client: ClientBase, table: string, columns: readonly string[], rows: Buffer): Promise<void> {
  if (rows.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
    stream.end(rows);
  });
}
