import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { registerShowroomIcons } from '../../core/icons';
import { creditView, DEAL_ID } from '../deal-fixtures';
import { CreditApplicationDialog, type CreditApplicationDialogData } from './credit-application-dialog';

describe('CreditApplicationDialog', () => {
  let http: HttpTestingController;

  function render() {
    const data: CreditApplicationDialogData = { dealId: DEAL_ID, shopperName: 'Ana Ruiz' };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: data },
      ],
    });
    TestBed.runInInjectionContext(registerShowroomIcons);
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(CreditApplicationDialog);
    fixture.detectChanges();
    return fixture;
  }
  const text = (host: HTMLElement, testId: string) =>
    host.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? null;

  afterEach(() => http.verify());

  it('reads the application once when it opens, and shows a co-applicant when there is one', () => {
    const fixture = render();
    const host = fixture.nativeElement as HTMLElement;
    expect(text(host, 'credit-view-recorded')).toContain('This view is recorded');
    const view = creditView();
    http.expectOne(`/api/retail/deals/${DEAL_ID}/credit-application`).flush({
      ...view,
      applicants: 2,
      coApplicant: { ...view.applicant, firstName: 'Luis', ssn: '987654321' },
    });
    fixture.detectChanges();
    expect(host.querySelectorAll('[data-testid="credit-ssn"]')[1]?.textContent).toBe('987-65-4321');
    expect(host.querySelector('[data-testid="credit-co-applicant"]')?.textContent).toContain('Luis Ruiz');
  });

  it('when the application cannot be opened (deleted, or the role may not), then it says why and shows nothing of it', () => {
    const fixture = render();
    const host = fixture.nativeElement as HTMLElement;
    http
      .expectOne(`/api/retail/deals/${DEAL_ID}/credit-application`)
      .flush(
        { type: 'about:blank', title: 'Not found', status: 404, detail: 'The application was deleted.' },
        { status: 404, statusText: 'Not Found' },
      );
    fixture.detectChanges();
    expect(text(host, 'credit-view-error')).toContain('The application was deleted.');
    expect(host.querySelector('[data-testid="credit-ssn"]')).toBeNull();
  });
});
