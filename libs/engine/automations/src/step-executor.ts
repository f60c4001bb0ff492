import { delayUntil, type DecisionReason } from '@marea/domain/automations';
import type { AutomationStep, StepAction } from '@marea/contracts';
import type { AutomationEngineDependencies } from './automation-engine-dependencies';
import type { RunState, StepDecision } from './automation-store';
import type { StepJob } from './job-queue';
import { checkSend } from './send-checks';
import { renderStepMessage, templateContext } from './render-step-message';
import { deliverMessage } from './message-delivery';
import { customerMatches } from './rule-check';

/**
 * Performs one step job. Safe to run twice for one job, or for one job in two processes at once:
 * the run moves on by compare-and-set from the step the job names, and an action's decision is
 * unique on (version, customer, occurrence, step), so a repeat finds it and only finishes what the
 * first attempt left undone (a message still queued, an effect keyed on the decision id).
 */
export class StepExecutor {
  constructor(private readonly deps: AutomationEngineDependencies) {}

  private now(): Date {
    return (this.deps.clock ?? (() => new Date()))();
  }

  async execute(job: StepJob): Promise<void> {
    const run = await this.deps.store.run(job.runId);
    if (!run || run.status !== 'active' || run.currentStep !== job.stepId) return; // stale: the run moved on
    const step = run.definition.steps[job.stepId];
    if (!step) return;
    if (job.timeout) return this.timeOut(run, job.stepId, step);

    const stop = await this.stopReason(run);
    if (stop) {
      await this.deps.store.decide(run, job.stepId, { outcome: 'skipped', reason: stop });
      await this.deps.store.advance(run, job.stepId, null, { endStatus: stop === 'goal-reached' ? 'goal-reached' : 'stopped' });
      return;
    }
    switch (step.kind) {
      case 'action':
        return this.act(run, job.stepId, step.action, step.next);
      case 'delay':
        return this.delay(run, job.stepId, step);
      case 'branch': {
        const holds = await customerMatches(this.deps.rules, this.deps.store, step.rule, run.customerId, this.now());
        await this.deps.store.advance(run, job.stepId, holds ? step.then : step.else);
        return;
      }
      case 'wait-for-event':
        return this.startWait(run, job.stepId, step);
      case 'exit':
        await this.deps.store.advance(run, job.stepId, null);
        return;
    }
  }

  /** An inactive automation stops its runs; a reached goal ends them. */
  private async stopReason(run: RunState): Promise<DecisionReason | null> {
    if (!run.automationActive) return 'automation-inactive';
    const goal = run.definition.goal;
    if (!goal) return null;
    const reached =
      goal.kind === 'segment'
        ? await customerMatches(this.deps.rules, this.deps.store, goal.rule, run.customerId, this.now())
        : await this.deps.store.eventSince(run.customerId, goal.eventName, run.enteredAt);
    return reached ? 'goal-reached' : null;
  }

  private async act(run: RunState, stepId: string, action: StepAction, next: string | null): Promise<void> {
    const decision = (await this.deps.store.decision(run.runId, stepId)) ?? (await this.decide(run, stepId, action));
    if (!decision) return; // deferred: the same step comes back later
    if (decision.outcome === 'acted') await this.perform(run, action, decision);
    await this.deps.store.advance(run, stepId, next);
  }

  /** Checks at send time and records exactly one decision; null when the step was deferred. */
  private async decide(run: RunState, stepId: string, action: StepAction): Promise<StepDecision | null> {
    const now = this.now();
    const customer = await this.deps.store.customer(run.customerId);
    if (!customer) return this.deps.store.decide(run, stepId, { outcome: 'skipped', reason: 'failed', detail: 'the customer no longer exists' });
    if (action.kind !== 'email' && action.kind !== 'sms') return this.deps.store.decide(run, stepId, { outcome: 'acted', reason: 'sent' });
    const settings = run.definition.channel;
    const verdict = await checkSend(this.deps, customer, action.kind, settings, now);
    if (verdict.kind === 'defer') {
      await this.deps.store.defer(run, stepId, 'quiet-hours-deferred', verdict.until);
      return null;
    }
    if (verdict.kind === 'skip') return this.deps.store.decide(run, stepId, { outcome: 'skipped', reason: verdict.reason, detail: verdict.detail });
    const message = renderStepMessage(this.deps, action, settings, customer, run.context, verdict.address);
    return this.deps.store.decide(run, stepId, { outcome: 'acted', reason: 'sent' }, message, verdict.cap ?? undefined);
  }

  /** What an acted decision does; every effect is keyed on the decision id, so a repeat changes nothing. */
  private async perform(run: RunState, action: StepAction, decision: StepDecision): Promise<void> {
    if (decision.message) return deliverMessage(this.deps, run.customerId, decision.message);
    const customer = await this.deps.store.customer(run.customerId);
    if (!customer) return;
    const render = (text: string) => this.deps.renderer.render({ text }, templateContext(customer, run.context)).text;
    switch (action.kind) {
      case 'task':
        await this.deps.tasks.create({
          effectKey: decision.id,
          customerId: run.customerId,
          title: render(action.title),
          description: render(action.description),
          dueAt: new Date(this.now().getTime() + action.dueInDays * 86_400_000),
          priority: action.priority,
          source: { automationId: run.automationId, automationName: run.automationName },
        });
        return;
      case 'update-attributes':
        await this.deps.attributes.apply(decision.id, run.customerId, action.operations);
        return;
      case 'notify':
        await this.deps.notifications.notify(decision.id, {
          userId: action.userId,
          message: render(action.message),
          link: `/customers/${run.customerId}`,
        });
        return;
      default:
        return; // email and SMS carry their message
    }
  }

  private async delay(run: RunState, stepId: string, step: Extract<AutomationStep, { kind: 'delay' }>): Promise<void> {
    const customer = await this.deps.store.customer(run.customerId);
    const until = customer ? delayUntil(step.delay, this.now(), customer.timeZone, customer.dates) : null;
    // An empty date field skips the delay.
    await this.deps.store.advance(run, stepId, step.next, until ? { startAfter: until } : {});
  }

  private async startWait(run: RunState, stepId: string, step: Extract<AutomationStep, { kind: 'wait-for-event' }>): Promise<void> {
    const keyValue = step.key === null ? null : String(run.context[step.key] ?? '');
    const expiresAt = new Date(this.now().getTime() + step.timeoutMinutes * 60_000);
    await this.deps.store.wait(run, stepId, { eventName: step.eventName, keyName: step.key, keyValue, expiresAt });
  }

  private async timeOut(run: RunState, stepId: string, step: AutomationStep): Promise<void> {
    if (step.kind !== 'wait-for-event') return;
    if (await this.deps.store.endWait(run.runId, stepId)) await this.deps.store.advance(run, stepId, step.onTimeout);
  }

  /** The awaited event came: the run goes on along `next`. */
  async eventArrived(runId: string, stepId: string): Promise<void> {
    const run = await this.deps.store.run(runId);
    if (!run || run.currentStep !== stepId) return;
    const step = run.definition.steps[stepId];
    if (step?.kind !== 'wait-for-event') return;
    if (await this.deps.store.endWait(runId, stepId)) await this.deps.store.advance(run, stepId, step.next);
  }
}
