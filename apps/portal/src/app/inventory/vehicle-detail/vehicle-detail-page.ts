import { Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { VEHICLE_STATUSES, type Problem, type VehicleStatus } from '@showroom/contracts';
import { filter, switchMap, tap } from 'rxjs';
import { VehiclesApi, type VersionedVehicle } from '../../api/vehicles-api';
import { Permissions } from '../../core/permissions';
import { problemOf } from '../../core/problem';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { MoneyPipe } from '../shared/money.pipe';
import { PrivateCard } from '../shared/private-card';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/confirm-dialog';
import { LoadState } from '../../shared/load-state';
import { VehicleStatusChip } from '../shared/vehicle-status-chip';
import { STATUS_LABELS, vehicleTitle } from '../shared/vehicle-labels';
import { VehiclePhotos } from '../photos/vehicle-photos';
import { VehicleFacts } from './vehicle-facts';
import { PriceHistoryCard } from '../syndication/price-history-card';

/** The actions offered for a status: what a dealer would call the step. */
const STATUS_ACTIONS: Record<VehicleStatus, string> = {
  available: 'Mark available',
  pending: 'Mark pending',
  sold: 'Mark sold',
  archived: 'Archive',
};

/** `/inventory/:id`: one vehicle, with what the dealer's role allows them to do with it. */
@Component({
  selector: 'sr-vehicle-detail-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatProgressSpinnerModule,
    MoneyPipe,
    PriceHistoryCard,
    PrivateCard,
    ProblemTextPipe,
    RouterLink,
    VehicleStatusChip,
    VehicleFacts,
    VehiclePhotos,
  ],
  templateUrl: './vehicle-detail-page.html',
  styleUrl: './vehicle-detail-page.scss',
})
export class VehicleDetailPage {
  readonly id = input.required<string>();

  private readonly vehiclesApi = inject(VehiclesApi);
  private readonly permissions = inject(Permissions);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly title = inject(Title);
  private readonly destroyRef = inject(DestroyRef);

  private readonly loadState = new LoadState();
  protected readonly status = this.loadState.status;
  protected readonly problem = this.loadState.problem;
  protected readonly current = signal<VersionedVehicle | null>(null);
  protected readonly vehicle = computed(() => this.current()?.vehicle ?? null);
  protected readonly heading = computed(() => {
    const vehicle = this.vehicle();
    return vehicle ? vehicleTitle(vehicle) : '';
  });

  /** A change in flight (status or delete); the buttons wait for it. */
  protected readonly busy = signal(false);
  /** Someone else changed the vehicle since it was shown (412). */
  protected readonly stale = signal(false);

  protected readonly canWrite = computed(() => this.permissions.can('inventory:write'));
  protected readonly canDelete = computed(() => this.permissions.can('inventory:delete'));
  protected readonly nextStatuses = computed(() => {
    const vehicle = this.vehicle();
    return vehicle ? VEHICLE_STATUSES.filter((status) => status !== vehicle.status) : [];
  });
  protected readonly statusActions = STATUS_ACTIONS;

  constructor() {
    toObservable(this.id)
      .pipe(
        filter((id) => !!id),
        switchMap((id) => this.load(id)),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  protected reload(): void {
    this.load(this.id()).pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
  }

  protected changeStatus(status: VehicleStatus): void {
    const current = this.current();
    if (!current || this.busy()) return;
    this.busy.set(true);
    this.vehiclesApi
      .update(current.vehicle.id, current.etag, { status })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.busy.set(false);
          this.current.set(updated);
          this.snackBar.open(`Status changed to ${STATUS_LABELS[status].toLowerCase()}`, undefined, {
            duration: 3000,
          });
        },
        error: (error: unknown) => this.failed(problemOf(error), 'The status could not be changed'),
      });
  }

  protected confirmDelete(): void {
    const current = this.current();
    if (!current || this.busy()) return;
    const data: ConfirmDialogData = {
      title: 'Delete this vehicle?',
      message: `${vehicleTitle(current.vehicle)} (stock #${current.vehicle.stockNumber}) will be removed from the inventory. This cannot be undone; to keep its record, archive it instead.`,
      confirmLabel: 'Delete vehicle',
      destructive: true,
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '440px' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        tap(() => this.busy.set(true)),
        switchMap(() => this.vehiclesApi.remove(current.vehicle.id, current.etag)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.snackBar.open(`${vehicleTitle(current.vehicle)} deleted`, undefined, { duration: 4000 });
          void this.router.navigateByUrl('/inventory');
        },
        error: (error: unknown) => this.failed(problemOf(error), 'The vehicle could not be deleted'),
      });
  }

  private failed(problem: Problem, what: string): void {
    this.busy.set(false);
    if (problem.status === 412) {
      this.stale.set(true);
      return;
    }
    if (problem.status === 404) {
      this.status.set('not-found');
      return;
    }
    this.snackBar.open(`${what}: ${problem.detail ?? problem.title}`, 'OK', { duration: 8000 });
  }

  private load(id: string) {
    const read = this.vehiclesApi.get(id).pipe(
      tap((versioned) => {
        this.current.set(versioned);
        this.stale.set(false);
        this.title.setTitle(`${vehicleTitle(versioned.vehicle)} · Showroom`);
      }),
    );
    return this.loadState.track(read, { quietly: this.current() !== null });
  }
}
