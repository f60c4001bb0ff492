import type { DeliveryOutcome } from '@marea/engine/messaging';
import type { AutomationEngineDependencies } from './automation-engine-dependencies';
import type { StoredMessage } from './automation-store';
import { MessageTakenError, RetryableDeliveryError } from './retryable-delivery-error';

/** The SMTP Message-ID of a message: stable, so a retry of the same decision carries the same. */
export function smtpMessageId(messageId: string): string {
  return `<${messageId}@marea>`;
}

/**
 * Hands one recorded message to its channel. The channel calls `handOver` at the last moment
 * (before SMTP's final dot, before Twilio's request): the status commits there, so a crash
 * leaves the message either queued and undelivered (sent again on retry) or handed over.
 * Retryable outcomes throw (the queue retries with back-off); rejections are final.
 */
export async function deliverMessage(deps: AutomationEngineDependencies, customerId: string, message: StoredMessage): Promise<void> {
  if (message.status !== 'queued') return;
  let committed: Promise<void> = Promise.resolve();
  const handOver = async () => {
    ({ committed } = await deps.store.markHandedOver(message.id));
  };
  let outcome: DeliveryOutcome;
  try {
    outcome = await send(deps, customerId, message, handOver);
  } catch (error) {
    if (error instanceof MessageTakenError) return; // the other attempt delivers it
    throw error;
  }
  await committed;
  const at = (deps.clock ?? (() => new Date()))();
  switch (outcome.kind) {
    case 'accepted':
      await deps.store.markSent(message.id, outcome.providerId, outcome.response);
      // SMTP's 250 to the final dot: the receiving server has taken responsibility for the mail,
      // which is what "delivered" means to the statistics (a later bounce still says otherwise).
      // An SMS accepted by Twilio is only queued there: its delivery is Twilio's to report.
      if (message.channel === 'email') {
        await deps.events.record({ messageId: message.id, customerId, kind: 'delivered', at, detail: outcome.response });
      }
      return;
    case 'retryable':
      await deps.store.markRetry(message.id, `${outcome.code} ${outcome.message}`);
      throw new RetryableDeliveryError(outcome.code, outcome.message);
    case 'rejected':
      await deps.store.markFailed(message.id, `${outcome.code} ${outcome.message}`);
      await deps.events.record({
        messageId: message.id,
        customerId,
        kind: message.channel === 'email' ? 'bounced' : 'failed',
        at,
        detail: `${outcome.code} ${outcome.message}`,
      });
      return;
  }
}

function send(deps: AutomationEngineDependencies, customerId: string, message: StoredMessage, handOver: () => Promise<void>): Promise<DeliveryOutcome> {
  if (message.channel === 'sms') return deps.sms.send({ messageId: message.id, to: message.address, body: message.body, customerId }, handOver);
  return deps.email.send(
    {
      messageId: smtpMessageId(message.id),
      from: deps.settings.mailFrom,
      to: message.address,
      subject: message.subject,
      html: message.html,
      text: message.body,
      unsubscribeUrl: message.unsubscribeUrl ?? undefined,
      customerId,
    },
    handOver,
  );
}
