import { Pipe, type PipeTransform } from '@angular/core';
import type { Problem } from '@showroom/contracts';

/** A problem in one line under a state's title: "Title: detail", or the title alone. */
@Pipe({ name: 'problemText' })
export class ProblemTextPipe implements PipeTransform {
  transform(problem: Problem | null | undefined): string {
    if (!problem) return '';
    return problem.detail ? `${problem.title}: ${problem.detail}` : problem.title;
  }
}
