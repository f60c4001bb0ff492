import { classifySmtpFailure, classifyTwilioFailure } from './delivery-classification';

describe('SMTP failures', () => {
  it.each([
    [421, 'retryable'],
    [450, 'retryable'],
    [452, 'retryable'],
    [550, 'rejected'],
    [554, 'rejected'],
  ] as const)('reply %i is %s, with the server code and text', (replyCode, kind) => {
    expect(classifySmtpFailure(replyCode, 'mailbox busy')).toEqual({ kind, code: String(replyCode), message: 'mailbox busy' });
  });

  it('a connection that failed before any reply is retried, named by its error code', () => {
    expect(classifySmtpFailure(undefined, 'connect ECONNREFUSED', 'ECONNECTION')).toEqual({ kind: 'retryable', code: 'ECONNECTION', message: 'connect ECONNREFUSED' });
  });

  it('a message the client itself refuses (no valid recipient) is rejected: it would be refused again', () => {
    expect(classifySmtpFailure(undefined, 'No recipients defined', 'EENVELOPE')).toEqual({ kind: 'rejected', code: 'EENVELOPE', message: 'No recipients defined' });
  });
});

describe('Twilio failures', () => {
  it('an invalid number (21211) or an unsubscribed recipient (21610) is rejected for good', () => {
    expect(classifyTwilioFailure(400, 21211, 'Invalid To')).toEqual({ kind: 'rejected', code: '21211', message: 'Invalid To' });
    expect(classifyTwilioFailure(400, 21610, 'Unsubscribed')).toMatchObject({ kind: 'rejected', code: '21610' });
  });

  it('too many requests, server errors and network failures are retried', () => {
    expect(classifyTwilioFailure(429, 20429, 'Too Many Requests')).toMatchObject({ kind: 'retryable', code: '20429' });
    expect(classifyTwilioFailure(503, undefined, 'Unavailable')).toEqual({ kind: 'retryable', code: 'HTTP 503', message: 'Unavailable' });
    expect(classifyTwilioFailure(undefined, undefined, 'socket hang up', 'ECONNRESET')).toMatchObject({ kind: 'retryable', code: 'ECONNRESET' });
  });
});
