import { randomUUID } from 'node:crypto';
import { smsSegments } from '@marea/domain/automations';
import type { AutomationDefinition, MessagePreview, StepAction, TestSendResult } from '@marea/contracts';
import type { AutomationEngineDependencies } from './automation-engine-dependencies';
import { renderStepMessage } from './render-step-message';
import { smtpMessageId } from './message-delivery';

type MessageAction = Extract<StepAction, { kind: 'email' | 'sms' }>;

/** The message action of a step, or why there is none: 'no-step' | 'not-a-message'. */
export function messageActionOf(definition: AutomationDefinition, stepId: string): MessageAction | 'no-step' | 'not-a-message' {
  const step = definition.steps[stepId];
  if (!step) return 'no-step';
  if (step.kind !== 'action' || (step.action.kind !== 'email' && step.action.kind !== 'sms')) return 'not-a-message';
  return step.action;
}

/** A step's message rendered for a real customer, as they would receive it (null: no such customer). */
export async function previewStepMessage(
  deps: AutomationEngineDependencies,
  definition: AutomationDefinition,
  action: MessageAction,
  customerId: string,
): Promise<MessagePreview | null> {
  const customer = await deps.store.customer(customerId);
  if (!customer) return null;
  const address = action.kind === 'email' ? customer.email : customer.phone;
  const message = renderStepMessage(deps, action, definition.channel, customer, {}, address ?? '');
  return {
    channel: action.kind,
    to: address,
    subject: message.subject,
    html: message.html,
    text: message.body,
    smsSegments: action.kind === 'sms' ? smsSegments(message.body).segments : null,
  };
}

/**
 * Sends a step's message, rendered for a customer, to a few test addresses: through the real
 * channel, outside every run (no decision, no consent check: the addresses are the marketer's).
 */
export async function testSendStepMessage(
  deps: AutomationEngineDependencies,
  definition: AutomationDefinition,
  action: MessageAction,
  customerId: string,
  addresses: readonly string[],
): Promise<TestSendResult[] | null> {
  const preview = await previewStepMessage(deps, definition, action, customerId);
  if (!preview) return null;
  const results: TestSendResult[] = [];
  for (const address of addresses) {
    const id = randomUUID();
    const handOver = async () => undefined;
    const outcome =
      action.kind === 'email'
        ? await deps.email.send(
            { messageId: smtpMessageId(id), from: deps.settings.mailFrom, to: address, subject: `[Test] ${preview.subject}`, html: preview.html, text: preview.text },
            handOver,
          )
        : await deps.sms.send({ messageId: id, to: address, body: preview.text }, handOver);
    results.push({ address, outcome: outcome.kind, detail: outcome.kind === 'accepted' ? outcome.response : `${outcome.code} ${outcome.message}` });
  }
  return results;
}
