import { Pipe, type PipeTransform } from '@angular/core';
import { formatCents } from '@showroom/retail-payments';

/** `{{ quote.taxCents | cents }}` → "$1,234.56": a deal's figures to the cent, as the payments library states them. */
@Pipe({ name: 'cents' })
export class CentsPipe implements PipeTransform {
  transform(cents: number | null | undefined): string {
    return cents === null || cents === undefined ? '—' : formatCents(cents);
  }
}
