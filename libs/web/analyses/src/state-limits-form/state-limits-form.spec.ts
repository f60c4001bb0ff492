import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { ClvStateLimits } from '@marea/contracts';
import { StateLimitsFormHarness } from '../testing/state-limits-form.harness';
import { DEFAULT_STATE_LIMITS, StateLimitsForm } from './state-limits-form';
import type { LimitField } from './state-limits';

@Component({
  imports: [StateLimitsForm],
  template: `<marea-state-limits-form [limits]="limits()" [serverProblems]="serverProblems()" (apply)="applied.push($event); limits.set($event)" />`,
})
class Host {
  readonly limits = signal<ClvStateLimits>(DEFAULT_STATE_LIMITS);
  readonly serverProblems = signal<Partial<Record<LimitField, string>>>({});
  readonly applied: ClvStateLimits[] = [];
}

describe('the state limits form', () => {
  let fixture: ComponentFixture<Host>;
  let form: StateLimitsFormHarness;

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    form = new StateLimitsFormHarness(fixture, fixture.nativeElement.querySelector('marea-state-limits-form'));
  });

  it('starts from the limits in force, with nothing to apply', async () => {
    expect(await form.value('Active below')).toBe('182');
    expect(await form.value('Inactive below')).toBe('365');
    expect(await form.value('Hibernating below')).toBe('730');
    expect(await form.canApply()).toBe(false);
  });

  it('applies valid new limits', async () => {
    await form.fill('Active below', '90');
    await form.fill('Inactive below', '180');
    expect(await form.canApply()).toBe(true);
    await form.apply();
    expect(fixture.componentInstance.applied).toEqual([{ activeDays: 90, inactiveDays: 180, hibernatingDays: 730 }]);
    expect(await form.canApply()).toBe(false);
  });

  it("refuses limits that do not increase, with the server's words under the field at fault", async () => {
    await form.fill('Inactive below', '100');
    expect(await form.problem('Inactive below')).toBe('must be greater than activeDays (182)');
    expect(await form.isInvalid('Inactive below')).toBe(true);
    expect(await form.problem('Active below')).toBe('');
    await form.apply();
    expect(fixture.componentInstance.applied).toEqual([]);

    await form.fill('Hibernating below', '100');
    await form.fill('Inactive below', '200');
    expect(await form.problem('Inactive below')).toBe('');
    expect(await form.problem('Hibernating below')).toBe('must be greater than inactiveDays (200)');
  });

  it('refuses a limit that is not a whole number of days of at least 1', async () => {
    await form.fill('Active below', '1.5');
    expect(await form.problem('Active below')).toBe('must be a whole number of days');
    await form.fill('Active below', '0');
    expect(await form.problem('Active below')).toBe('must be at least 1 day');
  });

  it('shows a problem the server reported under its field until that field is edited', async () => {
    fixture.componentInstance.serverProblems.set({ hibernatingDays: 'is too far back for this shop' });
    await fixture.whenStable();
    expect(await form.problem('Hibernating below')).toBe('is too far back for this shop');
    await form.fill('Active below', '100');
    expect(await form.problem('Hibernating below')).toBe('is too far back for this shop');
    await form.fill('Hibernating below', '700');
    expect(await form.problem('Hibernating below')).toBe('');
  });

  it('goes back to the default limits in one click', async () => {
    fixture.componentInstance.limits.set({ activeDays: 30, inactiveDays: 60, hibernatingDays: 90 });
    await fixture.whenStable();
    await form.restoreDefaults();
    expect(fixture.componentInstance.applied).toEqual([DEFAULT_STATE_LIMITS]);
    expect(await form.value('Hibernating below')).toBe('730');
  });
});
