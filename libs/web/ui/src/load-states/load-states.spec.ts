import { HttpErrorResponse } from '@angular/common/http';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ErrorState } from './error-state';

@Component({
  imports: [ErrorState],
  template: `<marea-error-state [error]="error" (retry)="retries.set(retries() + 1)" />`,
})
class Host {
  readonly error = new HttpErrorResponse({ status: 500, error: { error: { code: 'db_down', message: 'The database is down.' } } });
  readonly retries = signal(0);
}

describe('ErrorState', () => {
  it("shows the server's message as an alert and offers a retry", async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('The database is down.');
    alert?.querySelector('button')?.click();
    expect(fixture.componentInstance.retries()).toBe(1);
  });
});
