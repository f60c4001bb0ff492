/** Why a customer did or did not get a step: the vocabulary of the "why" trace. */
export type DecisionReason =
  | 'sent'
  | 'not-in-segment'
  | 'entry-conditions-not-met'
  | 'no-consent'
  | 'suppressed'
  | 'no-address'
  | 'capped'
  | 'quiet-hours-deferred'
  | 'quiet-hours-dropped'
  | 'already-sent'
  | 're-entry-once'
  | 're-entry-too-soon'
  | 'already-running'
  | 'goal-reached'
  | 'automation-inactive'
  | 'failed';

/** Keyed by every reason, so adding one to the union fails to compile until it is described. */
const descriptions: Record<DecisionReason, string> = {
  sent: 'The message was sent.',
  'not-in-segment': 'The customer is not in the audience segment.',
  'entry-conditions-not-met': 'The customer did not meet the entry conditions.',
  'no-consent': 'The customer has not consented to messages on this channel.',
  suppressed: 'The address is on the suppression list (an earlier hard bounce, complaint or manual block).',
  'no-address': 'The customer has no email address or phone number for this channel.',
  capped: 'The frequency cap for this channel was reached, so the marketing message was not sent.',
  'quiet-hours-deferred': "It was quiet hours in the customer's time zone, so the message waits for them to end.",
  'quiet-hours-dropped': "It was quiet hours in the customer's time zone, and this automation drops messages then.",
  'already-sent': 'This step was already decided for this customer and this trigger; it is never sent twice.',
  're-entry-once': 'The customer already went through this automation, which runs once per customer.',
  're-entry-too-soon': 'The customer entered this automation too recently for its re-entry rule.',
  'already-running': 'The customer is still in a run of this automation; runs never overlap.',
  'goal-reached': "The customer reached the automation's goal, so the run ended.",
  'automation-inactive': 'The automation was paused or archived.',
  failed: 'Sending failed; see the delivery error.',
};

export const decisionReasons = Object.keys(descriptions) as DecisionReason[];

/** Plain English for the trace shown to a marketer. */
export function describeReason(reason: DecisionReason): string {
  return descriptions[reason];
}
