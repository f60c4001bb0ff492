/**
 * A small async hand-over between the generator (producer) and the COPY writer (consumer):
 * the producer waits when `capacity` batches are pending, so memory stays bounded while
 * PostgreSQL digests one batch and the next is generated.
 */
export class BoundedQueue<T> {
  private readonly items: T[] = [];
  private closed = false;
  private failure: unknown;
  private waiters: (() => void)[] = [];

  constructor(private readonly capacity: number) {}

  async push(item: T): Promise<void> {
    while (this.items.length >= this.capacity && this.failure === undefined) await this.wait();
    if (this.failure !== undefined) throw this.failure;
    this.items.push(item);
    this.wakeAll();
  }

  /** The next item, or undefined once the producer closed the queue and it is empty. */
  async pop(): Promise<T | undefined> {
    for (;;) {
      if (this.failure !== undefined) throw this.failure;
      if (this.items.length > 0) {
        const item = this.items.shift() as T;
        this.wakeAll();
        return item;
      }
      if (this.closed) return undefined;
      await this.wait();
    }
  }

  close(): void {
    this.closed = true;
    this.wakeAll();
  }

  /** Stops both sides: pending and later push/pop calls throw `error`. */
  fail(error: unknown): void {
    this.failure = error ?? new Error('queue failed');
    this.wakeAll();
  }

  private wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wakeAll(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
