import { Readable } from 'node:stream';

/**
 * The message body for one SMTP DATA, which holds back its end until the engine has taken the
 * message over. nodemailer pipes it into the socket after the server's 354 and writes the final
 * end-of-data dot when it ends; so the body is sent, then `handOver()` runs, then the stream
 * ends and the dot goes out. If `handOver()` fails, the stream never ends: the caller hangs up
 * and the server, which never saw the dot, delivers nothing.
 *
 * `highWaterMark: 0` makes the second `_read` mean "the body was consumed", not "read ahead".
 */
export class HandOverMessageStream extends Readable {
  private stage: 'body' | 'awaiting-hand-over' | 'handing-over' = 'body';

  constructor(
    private readonly body: Buffer,
    private readonly handOver: () => Promise<void>,
    private readonly bodyWritten: () => Promise<void>,
    private readonly onHandOverFailed: (error: unknown) => void,
  ) {
    super({ highWaterMark: 0 });
  }

  override _read(): void {
    if (this.stage === 'body') {
      this.stage = 'awaiting-hand-over';
      this.push(this.body);
      return;
    }
    if (this.stage === 'awaiting-hand-over') {
      this.stage = 'handing-over';
      this.bodyWritten()
        .then(() => this.handOver())
        .then(
          () => this.push(null),
          (error: unknown) => this.onHandOverFailed(error),
        );
    }
  }
}
