import { Component, computed, DestroyRef, ElementRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { CONTACT_METHODS, MANUAL_LEAD_SOURCES, type Problem } from '@showroom/contracts';
import { LeadsApi } from '../../api/leads-api';
import { Permissions } from '../../core/permissions';
import { problemOf } from '../../core/problem';
import {
  fieldErrors,
  focusFirstInvalid,
  type FormProblem,
  formProblem,
  revealBanner,
} from '../../shared/form-errors';
import { CONTACT_METHOD_LABELS, MANUAL_SOURCE_LABELS } from '../shared/lead-labels';
import { assignableMembers, teamOfActiveDealership } from '../shared/team';
import { applyServerErrors, createLeadForm, errorMessage, manualLeadFromForm } from './lead-form-model';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/** `/leads/new`: a walk-in, a phone call, a referral — entered by hand. */
@Component({
  selector: 'sr-lead-form-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './lead-form-page.html',
  styleUrl: './lead-form-page.scss',
})
export class LeadFormPage {
  private readonly leadsApi = inject(LeadsApi);
  private readonly permissions = inject(Permissions);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly form = createLeadForm(inject(NonNullableFormBuilder));
  protected readonly canAssign = computed(() => this.permissions.can('leads:assign'));
  private readonly team = teamOfActiveDealership(this.canAssign);
  protected readonly salespeople = computed(() => assignableMembers(this.team()));

  protected readonly saving = signal(false);
  protected readonly formProblem = signal<FormProblem | null>(null);

  /** Any change of any control (value, status, touched) re-reads the messages below. */
  private readonly formChanged = toSignal(this.form.events);
  protected readonly errors = fieldErrors(this.form, errorMessage, this.formChanged);
  /** Neither e-mail nor phone, once the dealer tried to save or left both fields. */
  protected readonly contactMissing = computed(() => {
    this.formChanged();
    const { email, phone } = this.form.controls;
    return this.form.hasError('contact') && (email.touched || phone.touched);
  });

  protected readonly sources = MANUAL_LEAD_SOURCES;
  protected readonly sourceLabels = MANUAL_SOURCE_LABELS;
  protected readonly contactMethods = CONTACT_METHODS;
  protected readonly contactLabels = CONTACT_METHOD_LABELS;

  protected save(): void {
    if (this.saving()) return;
    this.formProblem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.saving.set(true);
    this.leadsApi
      .create(manualLeadFromForm(this.form))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.saving.set(false);
          this.form.markAsPristine();
          const message = result.duplicateOf
            ? 'This shopper already had an open lead: the new details were added to it.'
            : 'Lead added';
          this.snackBar.open(message, 'OK', { duration: result.duplicateOf ? 8000 : 4000 });
          void this.router.navigate(['/leads', result.leadId], {
            state: { duplicateOf: result.duplicateOf },
          });
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.showProblem(problemOf(error));
        },
      });
  }

  private showProblem(problem: Problem): void {
    const params = problem.invalidParams ?? [];
    if (problem.status === 400 && params.length > 0) {
      const unmatched = applyServerErrors(this.form, params);
      if (unmatched.length === 0) {
        focusFirstInvalid(this.host.nativeElement);
        return;
      }
      this.formProblem.set(formProblem(problem, unmatched));
    } else {
      this.formProblem.set(formProblem(problem));
    }
    revealBanner(this.host.nativeElement);
  }
}
