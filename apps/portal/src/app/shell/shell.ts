import { NgTemplateOutlet } from '@angular/common';
import { Component, computed, inject, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldDefaultOptions } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthService } from '@auth0/auth0-angular';
import { ActiveDealership } from '../core/active-dealership';
import { registerShowroomIcons } from '../core/icons';
import { initialsOf, roleLabel } from '../core/labels';
import { Session } from '../core/session';
import { matchesMedia, NARROW_LAYOUT } from '../core/viewport';
import { DealershipSwitcher } from './dealership-switcher';

/** Screens that show one record of a dealership; after a switch they would answer 404. */
const RECORD_URL = /^\/inventory\/(?!new(?:[/?#]|$))[^/?#]+/;

@Component({
  selector: 'sr-shell',
  imports: [
    DealershipSwitcher,
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatListModule,
    MatMenuModule,
    MatProgressSpinnerModule,
    MatSidenavModule,
    MatToolbarModule,
    NgTemplateOutlet,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  providers: [
    {
      // Outlined fields keep their labels at the dense sizes the filter bars use; dynamic subscripts
      // let a long server message wrap instead of being cut off.
      provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
      useValue: { appearance: 'outline', subscriptSizing: 'dynamic' } satisfies MatFormFieldDefaultOptions,
    },
  ],
})
export class Shell {
  protected readonly session = inject(Session);
  protected readonly activeDealership = inject(ActiveDealership);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly narrow = matchesMedia(NARROW_LAYOUT);
  /** Material's toolbar is 56px high on phones, 64px above; the sliding nav starts below it. */
  private readonly phone = matchesMedia('(max-width: 599.98px)');
  protected readonly toolbarHeight = computed(() => (this.phone() ? 56 : 64));
  private readonly sidenav = viewChild(MatSidenav);

  protected readonly initials = computed(() => {
    const me = this.session.me();
    return me ? initialsOf(me.name, me.email) : '';
  });
  protected readonly roleLabel = computed(() => {
    const role = this.activeDealership.role();
    return role ? roleLabel(role) : '';
  });

  constructor() {
    registerShowroomIcons();
  }

  protected switchDealership(dealershipId: string): void {
    if (dealershipId === this.activeDealership.id()) return;
    this.activeDealership.select(dealershipId);
    const name = this.activeDealership.membership()?.dealership.name ?? 'the dealership';
    this.snackBar.open(`Now working in ${name}`, undefined, { duration: 3000 });
    // Lists reload by themselves when the dealership changes; a single record belongs to the
    // previous dealership, so go back to the list instead of showing "not found".
    if (RECORD_URL.test(this.router.url)) void this.router.navigateByUrl('/inventory');
    this.closeNavOnNarrow();
  }

  protected toggleNav(): void {
    void this.sidenav()?.toggle();
  }

  protected closeNavOnNarrow(): void {
    if (this.narrow()) void this.sidenav()?.close();
  }

  protected retry(): void {
    void this.session.reload();
  }

  protected signOut(): void {
    this.auth.logout({ logoutParams: { returnTo: window.location.origin } }).subscribe();
  }
}
