import { randomUUID } from 'node:crypto';
import type { ChannelSettings, StepAction } from '@marea/contracts';
import type { AutomationEngineDependencies } from './automation-engine-dependencies';
import type { CustomerSnapshot } from './customer-snapshot';
import type { MessageDraft } from './automation-store';

/** The Handlebars context of every template: the customer, and the data of what triggered the run. */
export function templateContext(customer: CustomerSnapshot, trigger: Record<string, unknown>): Record<string, unknown> {
  return { customer: customer.template, trigger };
}

/** Renders an email or SMS action for one customer and address: the message as it will be stored and sent. */
export function renderStepMessage(
  deps: Pick<AutomationEngineDependencies, 'renderer' | 'tracking'>,
  action: Extract<StepAction, { kind: 'email' | 'sms' }>,
  settings: ChannelSettings,
  customer: CustomerSnapshot,
  trigger: Record<string, unknown>,
  address: string,
): MessageDraft {
  const id = randomUUID();
  const context = templateContext(customer, trigger);
  if (action.kind === 'sms') {
    const rendered = deps.renderer.render({ text: action.text }, context);
    return { id, channel: 'sms', transactional: settings.transactional, address, subject: '', html: '', body: rendered.text, unsubscribeUrl: null };
  }
  const rendered = deps.renderer.render(action.template, context);
  const tracked = deps.tracking.prepareEmail({ messageId: id, customerId: customer.id, html: rendered.html, transactional: settings.transactional });
  return {
    id,
    channel: 'email',
    transactional: settings.transactional,
    address,
    subject: rendered.subject,
    html: tracked.html,
    body: rendered.text,
    unsubscribeUrl: tracked.unsubscribeUrl ?? null,
  };
}
