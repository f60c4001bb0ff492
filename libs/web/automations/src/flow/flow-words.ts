import type { AutomationStep, AutomationTrigger } from '@marea/contracts';

/** A duration in minutes in the largest whole unit: "2 days", "3 hours", "45 minutes". */
export function durationWords(minutes: number): string {
  if (minutes > 0 && minutes % 1440 === 0) return $localize`:@@automations.words.days:${minutes / 1440}:count: day(s)`;
  if (minutes > 0 && minutes % 60 === 0) return $localize`:@@automations.words.hours:${minutes / 60}:count: hour(s)`;
  return $localize`:@@automations.words.minutes:${minutes}:count: minute(s)`;
}

/** An instant in the reader's time zone, or as written when it is not one yet (a half-typed value). */
function moment(at: string): string {
  const time = Date.parse(at);
  return Number.isNaN(time) ? at : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

/** What starts the automation, in a sentence for the list and the canvas. */
export function triggerWords(trigger: AutomationTrigger): string {
  switch (trigger.kind) {
    case 'segment-entered':
      return $localize`:@@automations.trigger.entered:Enters segment ${trigger.segmentCode}:code:`;
    case 'segment-exited':
      return $localize`:@@automations.trigger.exited:Leaves segment ${trigger.segmentCode}:code:`;
    case 'order-placed':
      return $localize`:@@automations.trigger.order:Places an order`;
    case 'custom-event':
      return $localize`:@@automations.trigger.event:Event “${trigger.eventName}:event:”`;
    case 'cart-abandoned':
      return $localize`:@@automations.trigger.cart:Abandons a cart for ${trigger.hours}:hours: hour(s)`;
    case 'customer-changed':
      return trigger.fields.length
        ? $localize`:@@automations.trigger.changedFields:Profile changes: ${trigger.fields.join(', ')}:fields:`
        : $localize`:@@automations.trigger.changed:Profile changes`;
    case 'schedule':
      return $localize`:@@automations.trigger.schedule:On schedule ${trigger.cron}:cron: (${trigger.timeZone}:zone:)`;
    case 'customer-date':
      return trigger.daysBefore
        ? $localize`:@@automations.trigger.dateBefore:${trigger.daysBefore}:days: day(s) before ${trigger.field}:field:`
        : $localize`:@@automations.trigger.date:On ${trigger.field}:field:`;
    case 'once':
      return $localize`:@@automations.trigger.once:Once, at ${moment(trigger.at)}:at:`;
  }
}

/** A step in a few words, for its node on the canvas. */
export function stepWords(step: AutomationStep): string {
  switch (step.kind) {
    case 'action': {
      const action = step.action;
      if (action.kind === 'email') return $localize`:@@automations.step.email:Email: ${action.template.subject}:subject:`;
      if (action.kind === 'sms') return $localize`:@@automations.step.sms:SMS: ${action.text}:text:`;
      if (action.kind === 'task') return $localize`:@@automations.step.task:Task: ${action.title}:title:`;
      if (action.kind === 'notify') return $localize`:@@automations.step.notify:Notify: ${action.message}:message:`;
      return $localize`:@@automations.step.update:Update the profile (${action.operations.length}:count: change(s))`;
    }
    case 'delay': {
      const delay = step.delay;
      if (delay.kind === 'duration') return $localize`:@@automations.step.wait:Wait ${durationWords(delay.minutes)}:duration:`;
      if (delay.kind === 'time-of-day') return $localize`:@@automations.step.until:Wait until ${delay.time}:time: (customer's time)`;
      return $localize`:@@automations.step.untilDate:Wait until ${delay.field}:field: ${delay.offsetDays}:offset: day(s)`;
    }
    case 'branch':
      return $localize`:@@automations.step.branch:If the customer matches (${step.rule.conditions.length}:count: condition(s))`;
    case 'wait-for-event':
      return $localize`:@@automations.step.waitEvent:Wait for “${step.eventName}:event:”, at most ${durationWords(step.timeoutMinutes)}:duration:`;
    case 'exit':
      return $localize`:@@automations.step.exit:Exit`;
  }
}

/** The label of a path below a step: a branch's yes / no, a wait's event / timeout. */
export function pathWords(field: string): string {
  if (field === 'then') return $localize`:@@automations.path.then:Yes`;
  if (field === 'else') return $localize`:@@automations.path.else:No`;
  if (field === 'onTimeout') return $localize`:@@automations.path.timeout:No event in time`;
  return $localize`:@@automations.path.next:Then`;
}
