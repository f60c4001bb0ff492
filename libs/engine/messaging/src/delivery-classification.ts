import type { DeliveryOutcome } from './delivery-outcome';

type Failure = Exclude<DeliveryOutcome, { kind: 'accepted' }>;

/** nodemailer's codes for a message it refused to send itself (no recipient, bad address, too large). */
const CLIENT_REFUSALS = new Set(['EENVELOPE', 'EMESSAGE']);

/**
 * An SMTP failure as the engine sees it. RFC 5321: 4xx is a transient refusal (try again
 * later), 5xx a permanent one. No reply code at all means either the client refused the
 * message before sending it (it would refuse it again: rejected) or the connection failed
 * before the server answered (refused, dropped, timed out): it may go through next time.
 */
export function classifySmtpFailure(replyCode: number | undefined, message: string, errorCode?: string): Failure {
  if (replyCode !== undefined && replyCode >= 500 && replyCode < 600) {
    return { kind: 'rejected', code: String(replyCode), message };
  }
  if (replyCode === undefined && errorCode !== undefined && CLIENT_REFUSALS.has(errorCode)) {
    return { kind: 'rejected', code: errorCode, message };
  }
  const code = replyCode !== undefined ? String(replyCode) : (errorCode ?? 'CONNECTION');
  return { kind: 'retryable', code, message };
}

/**
 * A Twilio failure as the engine sees it: 429 (too many requests), 5xx and no HTTP answer at
 * all are worth retrying; any other 4xx carries a Twilio error code (21211 invalid number,
 * 21610 unsubscribed recipient …) that will be the same on the next attempt.
 */
export function classifyTwilioFailure(httpStatus: number | undefined, twilioCode: number | undefined, message: string, errorCode?: string): Failure {
  const code = twilioCode !== undefined ? String(twilioCode) : httpStatus !== undefined ? `HTTP ${httpStatus}` : (errorCode ?? 'NETWORK');
  if (httpStatus === undefined || httpStatus === 429 || httpStatus >= 500) return { kind: 'retryable', code, message };
  return { kind: 'rejected', code, message };
}
