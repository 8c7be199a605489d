import { Component, input } from '@angular/core';
import type { TextPart } from './vehicle-highlights';

/**
 * Text with what the search matched in `<mark>`. The parts are plain text from the service and are
 * interpolated, never set as HTML, so a make or VIN can never inject markup.
 */
@Component({
  selector: 'sr-marked-text',
  // One element per part, so no whitespace of the template's own gets between the parts.
  template: `@for (part of parts(); track $index) {
    @if (part.match) {
      <mark>{{ part.text }}</mark>
    } @else {
      <span>{{ part.text }}</span>
    }
  }`,
  styles: `
    mark {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      border-radius: 2px;
      padding: 0 1px;
    }
  `,
})
export class MarkedText {
  readonly parts = input.required<readonly TextPart[]>();
}
