import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { SmtpServerAddress } from './smtp-server-address';

/**
 * A few open SMTP sessions shared by every send (STACK.md: 151 msg/s with a connection per
 * message, 1,300 with five). A session is taken for one transaction and given back when it is
 * clean; a session that failed or was aborted is thrown away and replaced on demand.
 */
export class SmtpConnectionPool {
  private readonly idle: SMTPConnection[] = [];
  private readonly waiting: ((connection: SMTPConnection | Error) => void)[] = [];
  /** Sessions already closed and uncounted: a late second discard must not free a slot twice. */
  private readonly retired = new WeakSet<SMTPConnection>();
  private open = 0;
  private closed = false;

  constructor(private readonly address: SmtpServerAddress) {}

  /** Sessions opened so far that are still open (for tests of reuse). */
  get size(): number {
    return this.open;
  }

  async acquire(): Promise<SMTPConnection> {
    if (this.closed) throw new Error('The SMTP channel is closed');
    const reusable = this.idle.pop();
    if (reusable) return reusable;
    if (this.open < this.address.poolSize) {
      this.open += 1;
      try {
        return await this.connect();
      } catch (error) {
        this.open -= 1;
        this.wakeNextWaiter();
        throw error;
      }
    }
    return new Promise((resolve, reject) => {
      this.waiting.push((next) => (next instanceof Error ? reject(next) : resolve(next)));
    });
  }

  /** Gives a session back after a completed transaction: the next send can use it as it is. */
  release(connection: SMTPConnection): void {
    if (connection.destroyed) return this.discard(connection);
    const waiter = this.waiting.shift();
    if (waiter) return waiter(connection);
    if (this.closed) return this.discard(connection);
    this.idle.push(connection);
  }

  /** Closes a session that is broken or mid-transaction (an aborted DATA is ended by hanging up). */
  discard(connection: SMTPConnection): void {
    if (this.retired.has(connection)) return;
    this.retired.add(connection);
    connection.close();
    this.open -= 1;
    this.wakeNextWaiter();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter(new Error('The SMTP channel is closed'));
    await Promise.all(
      this.idle.splice(0).map(
        (connection) =>
          new Promise<void>((resolve) => {
            this.retired.add(connection);
            connection.once('end', () => resolve());
            connection.quit();
            this.open -= 1;
          }),
      ),
    );
  }

  /** A freed slot goes to the oldest waiting send, which opens a new session in it. */
  private wakeNextWaiter(): void {
    const waiter = this.waiting.shift();
    if (!waiter) return;
    this.open += 1;
    this.connect().then(waiter, (error: Error) => {
      this.open -= 1;
      waiter(error);
    });
  }

  private connect(): Promise<SMTPConnection> {
    const connection = new SMTPConnection({ ...this.address.connection, logger: false });
    // Errors also reach the callback of the pending command; without a listener an 'error'
    // event (e.g. the server hanging up an idle session) would crash the process.
    connection.on('error', () => undefined);
    connection.once('end', () => this.forget(connection));
    return new Promise((resolve, reject) => {
      // A refused or failed connection is reported as an 'error' event, not to the callback.
      connection.once('error', reject);
      connection.connect((connectError) => {
        if (connectError) return reject(connectError);
        if (!this.address.auth) return resolve(connection);
        connection.login(this.address.auth, (loginError) => {
          if (loginError) {
            connection.close();
            return reject(loginError);
          }
          resolve(connection);
        });
      });
    });
  }

  /** An idle session the server closed (idle timeout) leaves the pool. */
  private forget(connection: SMTPConnection): void {
    const index = this.idle.indexOf(connection);
    if (index === -1) return;
    this.idle.splice(index, 1);
    this.retired.add(connection);
    this.open -= 1;
  }
}
