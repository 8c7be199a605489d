import { Component, computed, DestroyRef, ElementRef, inject, NgZone, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import type { GroupRooftop, GroupRooftopList } from '@showroom/contracts';
import { catchError, EMPTY, filter, type Observable, of, Subject, switchMap, tap } from 'rxjs';
import { RooftopsApi } from '../api/rooftops-api';
import { ActiveDealership } from '../core/active-dealership';
import { Permissions } from '../core/permissions';
import { problemOf } from '../core/problem';
import { Session } from '../core/session';
import { fieldErrors, focusFirstInvalid, type FormProblem, revealBanner } from '../shared/form-errors';
import { FormProblemBanner, saveProblem } from '../shared/form-problem-banner';
import { LoadState } from '../shared/load-state';
import { pollWhile } from '../shared/poll';
import { ProblemTextPipe } from '../shared/problem-text.pipe';
import { AddressFields, addressLine } from '../website/address-fields';
import { domainPendingHint, isProvisioning, PROVISIONING_POLL_MS } from '../website/provisioning-labels';
import { ProvisioningStateChip } from '../website/provisioning-state-chip';
import {
  applyRooftopServerErrors,
  createRooftopForm,
  refusalOf,
  rooftopErrorMessage,
  rooftopInputFrom,
  timeZones,
  withNameConflict,
} from './rooftop-model';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/**
 * `/rooftops`: the dealerships of the owner's group, each with its site and where publishing it
 * stands, and the form that onboards another one (its site is provisioned by itself).
 */
@Component({
  selector: 'sr-rooftops-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    AddressFields,
    FormProblemBanner,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    ProblemTextPipe,
    ProvisioningStateChip,
    ReactiveFormsModule,
  ],
  templateUrl: './rooftops-page.html',
  styleUrl: './rooftops-page.scss',
})
export class RooftopsPage {
  private readonly api = inject(RooftopsApi);
  private readonly session = inject(Session);
  private readonly activeDealership = inject(ActiveDealership);
  private readonly permissions = inject(Permissions);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly zone = inject(NgZone);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  private readonly loadState = new LoadState('loading', false);
  protected readonly status = this.loadState.status;
  protected readonly loadProblem = this.loadState.problem;
  protected readonly list = signal<GroupRooftopList | null>(null);
  /** The list is refused to this dealer (403): why, and no retry (it would be refused again). */
  protected readonly loadRefusal = computed(() => refusalOf(this.loadProblem()));
  protected readonly dealershipName = computed(
    () => this.activeDealership.membership()?.dealership.name ?? '',
  );
  /** The rooftops the dealer works at: only those have a Website page for them. */
  private readonly memberOf = computed(
    () => new Set(this.activeDealership.all().map((m) => m.dealership.id)),
  );

  protected readonly form = createRooftopForm(inject(NonNullableFormBuilder));
  protected readonly errors = fieldErrors(this.form, rooftopErrorMessage);
  protected readonly zones = timeZones();
  protected readonly adding = signal(false);
  protected readonly creating = signal(false);
  protected readonly createProblem = signal<FormProblem | null>(null);
  /** The rooftop just added, with its site and its Website page. */
  protected readonly created = signal<GroupRooftop | null>(null);

  private readonly watched = new Subject<GroupRooftopList | null>();

  constructor() {
    toObservable(this.activeDealership.id)
      .pipe(
        filter((id) => id !== null),
        tap(() => this.watched.next(null)),
        switchMap(() => this.leaveWithoutPermission() ?? this.load()),
        takeUntilDestroyed(),
      )
      .subscribe();
    // A new rooftop's site goes live within seconds: follow it (and any other on its way) till then.
    this.watched
      .pipe(
        switchMap((list) =>
          list?.items.some((rooftop) => isProvisioning(rooftop.provisioning)) ? this.pollList(list) : EMPTY,
        ),
        takeUntilDestroyed(),
      )
      .subscribe((list) => this.list.set(list));
  }

  protected reload(): void {
    this.load().pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
  }

  protected readonly addressLine = addressLine;
  protected readonly domainPendingHint = domainPendingHint;

  protected isMember(rooftop: GroupRooftop): boolean {
    return this.memberOf().has(rooftop.id);
  }

  protected isActive(rooftop: GroupRooftop): boolean {
    return this.activeDealership.id() === rooftop.id;
  }

  protected startAdding(): void {
    this.created.set(null);
    this.createProblem.set(null);
    this.adding.set(true);
    setTimeout(() => this.host.querySelector<HTMLInputElement>('[data-testid="rooftop-name"]')?.focus());
  }

  protected cancelAdding(): void {
    this.adding.set(false);
    this.form.reset();
    this.createProblem.set(null);
  }

  protected create(): void {
    if (this.creating()) return;
    this.createProblem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host);
      return;
    }
    this.creating.set(true);
    this.api
      .create(rooftopInputFrom(this.form))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (rooftop) => {
          this.creating.set(false);
          this.adding.set(false);
          this.form.reset();
          this.created.set(rooftop);
          this.list.update((list) => list && { ...list, items: [...list.items, rooftop] });
          // The group may be new (named by the service): read the list again, quietly.
          this.load({ quietly: true }).pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
          this.joinNewRooftop(rooftop);
        },
        error: (error: unknown) => {
          this.creating.set(false);
          const problem = withNameConflict(problemOf(error));
          const refusal = refusalOf(problem);
          this.createProblem.set(
            refusal
              ? { title: 'The rooftop was not added.', detail: refusal, params: [] }
              : saveProblem(problem, applyRooftopServerErrors(this.form, problem.invalidParams ?? [])),
          );
          if (this.createProblem()) revealBanner(this.host);
          else focusFirstInvalid(this.host);
        },
      });
  }

  /** Works in `rooftop` from now on, on its Website page. */
  protected openWebsite(rooftop: GroupRooftop): void {
    this.activeDealership.select(rooftop.id);
    this.snackBar.open(`Now working in ${rooftop.name}`, undefined, { duration: 3000 });
    void this.router.navigateByUrl('/website');
  }

  /** The owner is the new rooftop's owner: a new token and the memberships put it in the switcher. */
  private joinNewRooftop(rooftop: GroupRooftop): void {
    this.session.refreshMemberships().then(
      () =>
        this.snackBar.open(`${rooftop.name} added; switch to it from the dealership menu`, undefined, {
          duration: 5000,
        }),
      () =>
        this.snackBar.open(
          `${rooftop.name} added. It shows in your dealerships after you sign in again.`,
          'OK',
          { duration: 8000 },
        ),
    );
  }

  private load({ quietly = false } = {}): Observable<GroupRooftopList> {
    return this.loadState.track(
      this.api.list().pipe(
        tap((list) => {
          this.list.set(list);
          this.watched.next(list);
        }),
      ),
      { quietly },
    );
  }

  /** Reads again every few seconds while a site is on its way; `known` is the first answer. */
  private pollList(known: GroupRooftopList): Observable<GroupRooftopList> {
    let reads = 0;
    return pollWhile(
      () => (reads++ === 0 ? of(known) : this.api.list()),
      (list) => list.items.some((rooftop) => isProvisioning(rooftop.provisioning)),
      { intervalMs: PROVISIONING_POLL_MS, zone: this.zone },
    ).pipe(catchError(() => EMPTY));
  }

  /** Switched to a dealership the dealer does not own: back to the inventory. */
  private leaveWithoutPermission(): Observable<never> | null {
    if (this.permissions.can('rooftops:manage')) return null;
    void this.router.navigateByUrl('/inventory');
    return EMPTY;
  }
}
