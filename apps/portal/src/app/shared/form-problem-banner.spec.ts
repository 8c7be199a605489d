import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Problem } from '@showroom/contracts';
import { registerShowroomIcons } from '../core/icons';
import type { FormProblem } from './form-errors';
import { FormProblemBanner, saveProblem } from './form-problem-banner';

const refused = (invalidParams?: Problem['invalidParams']): Problem => ({
  type: 'https://showroom.dev/problems/validation',
  title: 'Invalid request',
  status: 400,
  detail: 'Check the fields.',
  invalidParams,
});

describe('saveProblem', () => {
  it('nothing when every refused field was shown at its control', () => {
    expect(saveProblem(refused([{ name: 'storeCode', reason: 'too long' }]), [])).toBeNull();
  });

  it('the problem with the fields no control took, or when the service named no field', () => {
    const left = [{ name: 'address', reason: 'unknown' }];
    expect(saveProblem(refused([...left]), left)).toEqual({
      title: 'Invalid request',
      detail: 'Check the fields.',
      params: left,
    });
    expect(saveProblem(refused(), [])?.title).toBe('Invalid request');
  });
});

@Component({ imports: [FormProblemBanner], template: '<sr-form-problem-banner [problem]="problem()" />' })
class Host {
  readonly problem = signal<FormProblem>({ title: 'Not saved', detail: 'Try again.', params: [] });
}

describe('FormProblemBanner', () => {
  it('is an alert with the title, the detail and the fields left over', () => {
    TestBed.runInInjectionContext(registerShowroomIcons);
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.problem.set({
      title: 'Not saved',
      detail: 'Try again.',
      params: [{ name: 'address.country', reason: 'a two-letter code' }],
    });
    fixture.detectChanges();
    const banner = (fixture.nativeElement as HTMLElement).querySelector('sr-form-problem-banner');
    expect(banner?.getAttribute('role')).toBe('alert');
    expect(banner?.querySelector('strong')?.textContent).toBe('Not saved');
    expect(banner?.textContent).toContain('Try again.');
    expect(banner?.querySelector('li')?.textContent).toBe('address.country: a two-letter code');
  });
});
