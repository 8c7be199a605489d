import { NgTemplateOutlet } from '@angular/common';
import { Component, computed, DestroyRef, effect, inject, signal, untracked, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import {
  MatListItem,
  MatListItemIcon,
  MatListItemMeta,
  MatListItemTitle,
  MatNavList,
} from '@angular/material/list';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Auth0ClientService, AuthService } from '@auth0/auth0-angular';
import { filter, map } from 'rxjs';
import { TeamApi } from '../api/team-api';
import { ActiveDealership } from '../core/active-dealership';
import { registerShowroomIcons } from '../core/icons';
import { initialsOf, roleLabel } from '../core/labels';
import { LeadCountsStore } from '../core/lead-counts';
import { Permissions } from '../core/permissions';
import { problemOf } from '../core/problem';
import { Session } from '../core/session';
import { Notifier } from '../core/notifier';
import { matchesMedia, NARROW_LAYOUT } from '../core/viewport';
import { ProblemTextPipe } from '../shared/problem-text.pipe';
import { DealershipSwitcher } from './dealership-switcher';

/**
 * Screens that show one record of a dealership; after a switch they would answer 404. Maps the
 * record's URL to its list: `/leads/<id>` → `/leads`, `/deals/<id>` → `/deals`, `/team/<userId>` → `/team`. "new", "board", "settings", "syndication",
 * "import" and "group" (the team's group view) are no records (they are pages of the dealership, which reload by themselves).
 */
const RECORD_URL =
  /^\/(inventory|leads|deals|team)\/(?!(?:new|board|settings|syndication|import|group)(?:[/?#]|$))[^/?#]+/;

@Component({
  selector: 'sr-shell',
  imports: [
    DealershipSwitcher,
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    // Standalone pieces of the nav list, not MatListModule: only they load with its @defer block.
    MatListItem,
    MatListItemIcon,
    MatListItemMeta,
    MatListItemTitle,
    // Standalone, not MatMenuModule: only then does the menu load with its @defer block.
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatNavList,
    MatSidenavModule,
    MatToolbarModule,
    NgTemplateOutlet,
    ProblemTextPipe,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  protected readonly session = inject(Session);
  protected readonly activeDealership = inject(ActiveDealership);
  private readonly auth = inject(AuthService);
  private readonly auth0Client = inject(Auth0ClientService);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly permissions = inject(Permissions);
  private readonly teamApi = inject(TeamApi);
  protected readonly leadCounts = inject(LeadCountsStore);

  protected readonly narrow = matchesMedia(NARROW_LAYOUT);
  /** Material's toolbar is 56px high on phones, 64px above; the sliding nav starts below it. */
  private readonly phone = matchesMedia('(max-width: 599.98px)');
  protected readonly toolbarHeight = computed(() => (this.phone() ? 56 : 64));
  private readonly sidenav = viewChild(MatSidenav);
  /** The phone's folded nav was opened once. */
  protected readonly navOpened = signal(false);
  /**
   * The nav's links show: at once beside the page on wide screens, on phones once the dealer opens the
   * folded nav (their code is fetched when the first screen is idle, so the drawer opens filled).
   */
  protected readonly navShown = computed(() => !this.narrow() || this.navOpened());

  protected readonly initials = computed(() => {
    const me = this.session.me();
    return me ? initialsOf(me.name, me.email) : '';
  });
  protected readonly roleLabel = computed(() => {
    const role = this.activeDealership.role();
    return role ? roleLabel(role) : '';
  });

  protected readonly canReadLeads = computed(() => this.permissions.can('leads:read'));
  protected readonly canReadDeals = computed(() => this.permissions.can('deals:read'));
  protected readonly canReadAnalytics = computed(() => this.permissions.can('analytics:read'));
  protected readonly canConfigureRetail = computed(() => this.permissions.can('retail:configure'));
  protected readonly canSyndicate = computed(() => this.permissions.can('inventory:syndicate'));
  protected readonly canManageWebsite = computed(() => this.permissions.can('website:manage'));
  protected readonly canManageRooftops = computed(() => this.permissions.can('rooftops:manage'));
  protected readonly canManageTeam = computed(() => this.permissions.can('team:manage'));
  /** Channels live under /inventory; there the Inventory entry is not the current page. */
  protected readonly onChannels = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.router.url.startsWith('/inventory/syndication')),
    ),
    { initialValue: this.router.url.startsWith('/inventory/syndication') },
  );
  /** New plus overdue, for the menu button on narrow screens where the nav is folded away. */
  protected readonly leadAlerts = computed(() => {
    const counts = this.leadCounts.counts();
    return counts ? counts.new + counts.overdue : 0;
  });

  /** Salespeople say whether round-robin may give them new leads (null: not known yet). */
  protected readonly isSales = computed(() => this.activeDealership.role() === 'sales');
  protected readonly available = signal<boolean | null>(null);
  protected readonly savingAvailability = signal(false);

  constructor() {
    registerShowroomIcons();
    // Badges count the active dealership's leads: start again on every switch.
    effect(() => {
      const dealershipId = this.activeDealership.id();
      const canRead = this.canReadLeads();
      untracked(() => {
        this.leadCounts.reset();
        if (dealershipId && canRead) this.leadCounts.start();
        else this.leadCounts.stop();
      });
    });
    effect(() => {
      const dealershipId = this.activeDealership.id();
      const sales = this.isSales();
      untracked(() => this.loadAvailability(dealershipId, sales));
    });
    inject(DestroyRef).onDestroy(() => this.leadCounts.stop());
  }

  protected toggleAvailability(): void {
    const me = this.session.me();
    const current = this.available();
    if (!me || current === null || this.savingAvailability()) return;
    this.savingAvailability.set(true);
    this.teamApi.setAvailability(me.id, !current).subscribe({
      next: (member) => {
        this.savingAvailability.set(false);
        this.available.set(member.available);
        this.notifier.show(
          member.available ? 'You will get new leads again' : 'No new leads for you until you are back',
        );
      },
      error: (error: unknown) => {
        this.savingAvailability.set(false);
        const problem = problemOf(error);
        this.notifier.show(`Availability not changed: ${problem.detail ?? problem.title}`, 'OK', 6000);
      },
    });
  }

  private loadAvailability(dealershipId: string | null, sales: boolean): void {
    this.available.set(null);
    const me = this.session.me();
    if (!dealershipId || !sales || !me) return;
    this.teamApi.team().subscribe({
      next: (team) => {
        if (this.activeDealership.id() !== dealershipId) return;
        this.available.set(team.items.find((member) => member.id === me.id)?.available ?? null);
      },
      error: () => this.available.set(null),
    });
  }

  protected switchDealership(dealershipId: string): void {
    if (dealershipId === this.activeDealership.id()) return;
    this.activeDealership.select(dealershipId);
    const name = this.activeDealership.membership()?.dealership.name ?? 'the dealership';
    this.notifier.show(`Now working in ${name}`);
    // Lists reload by themselves when the dealership changes; a single record belongs to the
    // previous dealership, so go back to the list instead of showing "not found".
    const record = RECORD_URL.exec(this.router.url);
    if (record) void this.router.navigateByUrl(`/${record[1]}`);
    this.closeNavOnNarrow();
  }

  protected toggleNav(): void {
    this.navOpened.set(true);
    void this.sidenav()?.toggle();
  }

  protected closeNavOnNarrow(): void {
    if (this.narrow()) void this.sidenav()?.close();
  }

  protected retry(): void {
    void this.session.reload();
  }

  protected async signOut(): Promise<void> {
    // The refresh token is kept in localStorage (core/runtime-config.ts): revoke it first, so a copy
    // taken from this browser stops working at sign-out rather than after 15 idle days. Signing out
    // goes on when the identity provider cannot be reached.
    await this.auth0Client.revokeRefreshToken().catch(() => undefined);
    this.auth.logout({ logoutParams: { returnTo: window.location.origin } }).subscribe();
  }
}
