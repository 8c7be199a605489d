import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { Notifier } from './notifier';

describe('Notifier', () => {
  afterEach(() => document.querySelector('.cdk-overlay-container')?.replaceChildren());

  it('shows the message with its action once the snack bar has loaded', async () => {
    TestBed.inject(Notifier).show('Assigned to Sam Seller', 'OK');
    expect(document.body.textContent).not.toContain('Assigned to Sam Seller');
    await TestBed.inject(ApplicationRef).whenStable();
    const snackBar = document.querySelector('.mat-mdc-snack-bar-container');
    expect(snackBar?.textContent).toContain('Assigned to Sam Seller');
    expect(snackBar?.querySelector('button')?.textContent).toContain('OK');
  });
});
