import { Pipe, PipeTransform } from '@angular/core';
import { exactTime, relativeTime } from './lead-time';

/** `{{ lead.createdAt | relativeTime: clock.now() }}` → "12 minutes ago". */
@Pipe({ name: 'relativeTime' })
export class RelativeTimePipe implements PipeTransform {
  transform(iso: string | null | undefined, now: number): string {
    return relativeTime(iso, now);
  }
}

/** `{{ note.createdAt | exactTime }}` → "Nov 20, 2026, 9:30 AM". */
@Pipe({ name: 'exactTime' })
export class ExactTimePipe implements PipeTransform {
  transform(iso: string | null | undefined): string {
    return exactTime(iso);
  }
}
