import { Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { InvalidParam, Problem } from '@showroom/contracts';
import { type FormProblem, formProblem } from './form-errors';

/**
 * What a settings form shows above itself when a save is refused: nothing when every refused field
 * was shown at its field (`unmatched` empty and the service named fields), else the problem with the
 * fields no control of the form took.
 */
export function saveProblem(problem: Problem, unmatched: InvalidParam[]): FormProblem | null {
  return unmatched.length > 0 || !problem.invalidParams?.length ? formProblem(problem, unmatched) : null;
}

/** The error banner of a settings form whose save was refused: title, detail, the fields left over. */
@Component({
  selector: 'sr-form-problem-banner',
  imports: [MatIconModule],
  host: { role: 'alert' },
  template: `
    <mat-icon svgIcon="error" />
    <div>
      <strong>{{ problem().title }}</strong>
      @if (problem().detail) {
        {{ problem().detail }}
      }
      @if (problem().params.length > 0) {
        <ul>
          @for (param of problem().params; track param.name) {
            <li>{{ param.name }}: {{ param.reason }}</li>
          }
        </ul>
      }
    </div>
  `,
  styles: `
    @use 'page';

    :host {
      @include page.banner;
      @include page.error-tone;
    }
  `,
})
export class FormProblemBanner {
  readonly problem = input.required<FormProblem>();
}
