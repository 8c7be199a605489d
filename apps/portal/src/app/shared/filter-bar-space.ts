import { Component, input } from '@angular/core';

/**
 * The room a list's filter bar takes while its code loads (`@defer` … `@placeholder`): one row of dense
 * fields (a phone's search and "Filters" button), so the rows below do not jump by a whole bar when it
 * comes. Wider screens may wrap the bar onto a second row of fields.
 */
@Component({
  selector: 'sr-filter-bar-space',
  host: { 'aria-hidden': 'true', '[class.compact]': 'compact()' },
  template: '',
  styles: `
    :host {
      display: block;
      min-height: 100px;
    }
    :host(.compact) {
      min-height: 44px;
    }
  `,
})
export class FilterBarSpace {
  readonly compact = input(false);
}
