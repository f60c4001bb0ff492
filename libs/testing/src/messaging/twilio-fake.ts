import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

export interface TwilioFakeMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
}

export interface TwilioFake {
  /** e.g. `http://127.0.0.1:port`: where the SDK should send its requests instead of api.twilio.com. */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** Every message the fake accepted (answered 201), in order. */
  messages: TwilioFakeMessage[];
  close(): Promise<void>;
}

export interface TwilioFakeOptions {
  /** Refuse a recipient with a Twilio error, e.g. `{ status: 400, code: 21211, message: "Invalid 'To' Phone Number" }`. */
  reply?: (to: string) => { status: number; code: number; message: string } | null;
}

const messagesPath = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;

/**
 * A local HTTP server speaking the part of Twilio's Messages API that Marea uses: create a
 * message (form-encoded, basic auth with the account SID and auth token), answered with the
 * JSON Twilio answers, errors included (`{code, message, more_info, status}`).
 */
export async function startTwilioFake(options: TwilioFakeOptions = {}): Promise<TwilioFake> {
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const messages: TwilioFakeMessage[] = [];

  const server = createServer((request, response) => {
    readBody(request).then(
      (body) => answer(request, response, body),
      () => sendError(response, 400, 20001, 'Unreadable request body'),
    );
  });

  function answer(request: IncomingMessage, response: ServerResponse, body: string): void {
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const match = messagesPath.exec(path);
    if (!match || request.method !== 'POST') return sendError(response, 404, 20404, `The requested resource ${path} was not found`);
    if (request.headers.authorization !== `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}` || match[1] !== accountSid) {
      return sendError(response, 401, 20003, 'Authenticate');
    }
    const form = new URLSearchParams(body);
    const to = form.get('To') ?? '';
    const from = form.get('From') ?? '';
    const text = form.get('Body') ?? '';
    if (!to) return sendError(response, 400, 21604, "A 'To' phone number is required.");
    if (!from) return sendError(response, 400, 21603, "A 'From' phone number is required.");
    if (!text) return sendError(response, 400, 21602, 'Message body is required.');
    const refusal = options.reply?.(to);
    if (refusal) return sendError(response, refusal.status, refusal.code, refusal.message);

    const sid = `SM${randomBytes(16).toString('hex')}`;
    messages.push({ sid, to, from, body: text });
    const now = new Date().toUTCString();
    sendJson(response, 201, {
      sid,
      account_sid: accountSid,
      to,
      from,
      body: text,
      status: 'queued',
      num_segments: '1',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      date_created: now,
      date_updated: now,
      date_sent: null,
      error_code: null,
      error_message: null,
      price: null,
      price_unit: 'USD',
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // keep-alive sockets of the SDK would hold close() open
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendError(response: ServerResponse, status: number, code: number, message: string): void {
  sendJson(response, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
