import type { FormControl } from '@angular/forms';
import type { MatChipInputEvent } from '@angular/material/chips';

/**
 * A chip input's entry added to a list control: tidied (null drops it), never twice, the input
 * cleared either way.
 */
export function addChip(
  control: FormControl<string[]>,
  event: MatChipInputEvent,
  tidy: (typed: string) => string | null,
): void {
  const value = tidy(event.value);
  event.chipInput.clear();
  if (!value) return;
  if (!control.value.includes(value)) control.setValue([...control.value, value]);
  control.markAsTouched();
  control.markAsDirty();
}

/** A chip's value taken out of a list control. */
export function removeChip(control: FormControl<string[]>, value: string): void {
  control.setValue(control.value.filter((entry) => entry !== value));
  control.markAsDirty();
}
