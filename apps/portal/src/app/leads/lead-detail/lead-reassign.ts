import { Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { TeamMember } from '@showroom/contracts';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/** "Reassign to": the salespeople a lead can go to. Its own component, so its code loads after the lead shows. */
@Component({
  selector: 'sr-lead-reassign',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [MatFormFieldModule, MatSelectModule],
  template: `
    <mat-form-field class="field sr-dense" subscriptSizing="dynamic">
      <mat-label>Reassign to</mat-label>
      <mat-select
        name="assignee"
        data-testid="reassign"
        [value]="assigneeId()"
        [disabled]="disabled()"
        (selectionChange)="reassign.emit($event.value)"
      >
        @for (member of salespeople(); track member.id) {
          <mat-option [value]="member.id" data-testid="reassign-option">
            {{ member.name }}
            @if (!member.available) {
              <span class="away">(away)</span>
            }
          </mat-option>
        } @empty {
          <mat-option disabled>No salespeople in this dealership</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .field {
      width: 100%;
    }
    .away {
      color: var(--mat-sys-on-surface-variant);
      font-style: italic;
    }
  `,
})
export class LeadReassign {
  readonly salespeople = input.required<readonly TeamMember[]>();
  readonly assigneeId = input.required<string | null>();
  readonly disabled = input(false);
  readonly reassign = output<string>();
}
