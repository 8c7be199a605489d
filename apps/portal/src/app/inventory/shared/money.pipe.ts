import { Pipe, PipeTransform } from '@angular/core';
import { formatCents } from '../../core/money';

/** `{{ vehicle.priceCents | money: vehicle.currency }}` → "$25,999". */
@Pipe({ name: 'money' })
export class MoneyPipe implements PipeTransform {
  transform(cents: number | null | undefined, currency = 'USD'): string {
    return formatCents(cents, currency);
  }
}
