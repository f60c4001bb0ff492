import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/** One message as the sink received it over SMTP, parsed back from its MIME. */
export interface ReceivedEmail {
  messageId: string;
  from: string;
  /** The envelope recipients (RCPT TO), which is where the message was actually delivered. */
  to: string[];
  subject: string;
  html: string;
  text: string;
  /** Header values as written on the wire (unfolded), keys lower-case. */
  headers: Record<string, string>;
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:port` */
  url: string;
  /** Every message received in full (ended with the final dot and answered 250), in order. */
  messages: ReceivedEmail[];
  /** SMTP sessions opened so far (to see that a client reuses its connections). */
  readonly sessions: number;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedEmail[]>;
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** Answer a recipient with this reply instead of accepting it (e.g. `{ code: 450, message: 'mailbox busy' }`). */
  reply?: (recipient: string) => { code: number; message: string } | null;
  /**
   * `false`: keep only the envelope and the headers (subject, Message-ID …), html and text stay
   * empty. Parsing MIME costs more than receiving it, so benchmarks and crash tests with
   * thousands of messages would otherwise measure the sink.
   */
  parseBodies?: boolean;
}

/** Error shape smtp-server turns into a reply line. */
function smtpReply(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * A real SMTP server on a random local port, for tests: it keeps what it receives so a test can
 * look at it. A message counts only when its final dot arrived; a client that drops the
 * connection mid-message leaves nothing behind, as with any real server.
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedEmail[] = [];
  const waiters = new Set<() => void>();
  let sessions = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 1_000, // close() in a test should not wait 30 s for idle pooled clients
    onConnect(_session, callback) {
      sessions += 1;
      callback();
    },
    onRcptTo(address, _session, callback) {
      const reply = options.reply?.(address.address);
      callback(reply ? smtpReply(reply.code, reply.message) : undefined);
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      // A connection closed mid-message destroys the stream: nothing to record, nobody to answer.
      stream.on('error', () => undefined);
      stream.on('end', () => {
        const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const raw = Buffer.concat(chunks);
        const received = options.parseBodies === false ? Promise.resolve(headersOnly(raw)) : simpleParser(raw, { skipImageLinks: true }).then(parsedEmail);
        received.then(
          (email) => {
            messages.push({ ...email, from: mailFrom, to: recipients });
            callback(null, 'Message queued');
            for (const wake of waiters) wake();
          },
          (error: Error) => callback(smtpReply(554, `Unparseable message: ${error.message}`)),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => undefined); // a client resetting its socket is not a test failure
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    get sessions() {
      return sessions;
    },
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SMTP sink got ${messages.length} of ${count} messages within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type MessageContent = Omit<ReceivedEmail, 'from' | 'to'>;

function parsedEmail(parsed: ParsedMail): MessageContent {
  return {
    messageId: parsed.messageId ?? '',
    subject: parsed.subject ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    text: parsed.text ?? '',
    headers: Object.fromEntries(parsed.headerLines.map((line) => [line.key, unfold(line.line.slice(line.line.indexOf(':') + 1))])),
  };
}

/** The header block only, read without a MIME parser (see `parseBodies`). */
function headersOnly(raw: Buffer): MessageContent {
  const text = raw.toString('utf8');
  const end = text.indexOf('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of unfoldLines(end === -1 ? text : text.slice(0, end))) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { messageId: headers['message-id'] ?? '', subject: headers['subject'] ?? '', html: '', text: '', headers };
}

function unfold(value: string): string {
  return value.replace(/\r?\n[ \t]+/g, ' ').trim();
}

function unfoldLines(block: string): string[] {
  return block.replace(/\r\n[ \t]+/g, ' ').split('\r\n');
}
