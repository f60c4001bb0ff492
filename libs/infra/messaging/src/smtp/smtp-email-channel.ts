import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { SMTPConnectionSendInfo } from 'nodemailer/lib/smtp-connection';
import { classifySmtpFailure, type DeliveryOutcome, type EmailChannel, type OutgoingEmail } from '@marea/engine/messaging';
import { composeEmail } from './compose-email';
import { HandOverMessageStream } from './hand-over-message-stream';
import { SmtpConnectionPool } from './smtp-connection-pool';
import type { SmtpServerAddress } from './smtp-server-address';

/** The parts of a nodemailer error that say what the server answered. */
interface SmtpError extends Error {
  readonly responseCode?: number;
  readonly response?: string;
  readonly code?: string;
}

/**
 * Email over SMTP with the two-phase hand-over of the EmailChannel port: MAIL FROM, RCPT TO,
 * DATA and the whole body go out, then the engine's `handOver()` runs, then the final dot. A
 * failing `handOver()` ends the session without the dot (so nothing is delivered) and `send`
 * rejects with that failure: the engine's own commit failed, no delivery outcome to report.
 */
export class SmtpEmailChannel implements EmailChannel {
  private readonly pool: SmtpConnectionPool;

  constructor(address: SmtpServerAddress) {
    this.pool = new SmtpConnectionPool(address);
  }

  /** SMTP sessions currently open. */
  get openConnections(): number {
    return this.pool.size;
  }

  async send(email: OutgoingEmail, handOver: () => Promise<void>): Promise<DeliveryOutcome> {
    const { raw, envelope } = await composeEmail(email);
    let connection: SMTPConnection;
    try {
      connection = await this.pool.acquire();
    } catch (error) {
      return failureOf(error as SmtpError);
    }
    const handOverFailure: { error?: unknown; happened: boolean } = { happened: false };
    try {
      const info = await new Promise<SMTPConnectionSendInfo>((resolve, reject) => {
        // Hanging up drops nodemailer's pending send without calling back: settle it here.
        const abort = (error: unknown) => {
          Object.assign(handOverFailure, { error, happened: true });
          this.pool.discard(connection);
          reject(error);
        };
        const message = new HandOverMessageStream(raw, handOver, () => socketFlushed(connection), abort);
        connection.send({ ...envelope, size: raw.length }, message, (error, result) =>
          error || !result ? reject(error ?? new Error('No reply to the message')) : resolve(result),
        );
      });
      this.pool.release(connection);
      return { kind: 'accepted', providerId: info.serverMessageId ?? email.messageId, response: info.response };
    } catch (error) {
      if (handOverFailure.happened) throw handOverFailure.error;
      await this.afterFailure(connection, error as SmtpError);
      return failureOf(error as SmtpError);
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  /**
   * A refused envelope leaves a clean session once RSET is answered; a broken one (or a
   * refusal after DATA, where the state is less certain) is replaced.
   */
  private async afterFailure(connection: SMTPConnection, error: SmtpError): Promise<void> {
    if (connection.destroyed || error.code !== 'EENVELOPE') return this.pool.discard(connection);
    const resetOk = await new Promise<boolean>((resolve) => connection.reset((resetError) => resolve(!resetError)));
    if (resetOk) this.pool.release(connection);
    else this.pool.discard(connection);
  }
}

function failureOf(error: SmtpError): DeliveryOutcome {
  const replyCode = error.responseCode ?? replyCodeIn(error.response);
  return classifySmtpFailure(replyCode, error.response ?? error.message, error.code);
}

function replyCodeIn(response: string | undefined): number | undefined {
  const match = /^([2-5]\d\d)[ -]/.exec(response ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * Resolves once the socket has handed every queued byte to the kernel, so `handOver()` runs
 * when the server has (or is receiving) the whole body, not while it still sits in our buffers.
 */
function socketFlushed(connection: SMTPConnection): Promise<void> {
  const socket = connection._socket;
  if (!socket || socket.writableLength === 0) return Promise.resolve();
  return new Promise((resolve) => {
    socket.once('drain', () => resolve());
    socket.once('close', () => resolve());
  });
}
