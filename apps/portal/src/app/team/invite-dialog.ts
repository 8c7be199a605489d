import { Component, DestroyRef, ElementRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Invitation, Role } from '@showroom/contracts';
import { INVITATION_LIFETIME_DAYS } from '@showroom/contracts';
import { TeamAdminApi } from '../api/team-admin-api';
import { roleLabel } from '../core/labels';
import { problemOf } from '../core/problem';
import { fieldErrors, focusFirstInvalid, type FormProblem } from '../shared/form-errors';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { FormProblemBanner, saveProblem } from '../shared/form-problem-banner';
import {
  applyInviteServerErrors,
  createInviteForm,
  inviteErrorMessage,
  inviteInputFrom,
  withEmailConflict,
} from './invite-model';

export interface InviteDialogData {
  /** The roles the inviter may give (`grantableRoles`). */
  roles: Role[];
}

/**
 * Invites someone by e-mail with a role. Sends the invitation itself, so what the service refuses
 * shows on the fields while the dialog stays open; closes with the invitation once sent.
 */
@Component({
  selector: 'sr-invite-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    FormProblemBanner,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  template: `
    <h2 mat-dialog-title>Invite to the team</h2>
    <form [formGroup]="form" (ngSubmit)="send()" novalidate data-testid="invite-form">
      <mat-dialog-content class="content">
        <p class="help">
          They get an e-mail with a link to join. The link works once, for {{ lifetimeDays }} days.
        </p>
        @if (problem(); as problem) {
          <sr-form-problem-banner class="banner" [problem]="problem" data-testid="invite-error" />
        }
        <mat-form-field>
          <mat-label>E-mail</mat-label>
          <input
            matInput
            type="email"
            formControlName="email"
            name="email"
            autocomplete="off"
            maxlength="254"
            cdkFocusInitial
            data-testid="invite-email"
          />
          <mat-error data-testid="invite-email-error">{{ errors().email }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Name</mat-label>
          <input
            matInput
            formControlName="name"
            name="name"
            autocomplete="off"
            maxlength="120"
            data-testid="invite-name"
          />
          <mat-hint>As the team will see it, e.g. Riley Rookie</mat-hint>
          <mat-error data-testid="invite-name-error">{{ errors().name }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Role</mat-label>
          <mat-select formControlName="role" name="role" data-testid="invite-role">
            @for (role of data.roles; track role) {
              <mat-option [value]="role" [attr.data-testid]="'invite-role-' + role">{{
                roleLabel(role)
              }}</mat-option>
            }
          </mat-select>
          <mat-error data-testid="invite-role-error">{{ errors().role }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button type="button" matButton mat-dialog-close>Cancel</button>
        <button type="submit" matButton="filled" data-testid="send-invitation" [disabled]="sending()">
          {{ sending() ? 'Sending…' : 'Send invitation' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .content {
      display: grid;
      gap: 8px;
    }
    .help {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    mat-form-field {
      width: 100%;
    }
  `,
})
export class InviteDialog {
  protected readonly data = inject<InviteDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<InviteDialog, Invitation>>(MatDialogRef);
  private readonly api = inject(TeamAdminApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  protected readonly form = createInviteForm(inject(NonNullableFormBuilder), this.data.roles);
  protected readonly errors = fieldErrors(this.form, inviteErrorMessage);
  protected readonly sending = signal(false);
  protected readonly problem = signal<FormProblem | null>(null);
  protected readonly lifetimeDays = INVITATION_LIFETIME_DAYS;
  protected readonly roleLabel = roleLabel;

  protected send(): void {
    if (this.sending()) return;
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host);
      return;
    }
    this.sending.set(true);
    this.api
      .invite(inviteInputFrom(this.form))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (invitation) => {
          this.sending.set(false);
          this.dialogRef.close(invitation);
        },
        error: (error: unknown) => {
          this.sending.set(false);
          const problem = withEmailConflict(problemOf(error));
          this.problem.set(
            saveProblem(problem, applyInviteServerErrors(this.form, problem.invalidParams ?? [])),
          );
          focusFirstInvalid(this.host);
        },
      });
  }
}
