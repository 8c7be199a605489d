import {
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  input,
  OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import {
  BODY_STYLES,
  CURRENCIES,
  DRIVETRAINS,
  FUEL_TYPES,
  normalizeVin,
  TRANSMISSIONS,
  VEHICLE_CONDITIONS,
  VEHICLE_STATUSES,
  vinProblem,
  type Problem,
  type VehicleCondition,
  type VinDecodingResponse,
} from '@showroom/contracts';
import {
  catchError,
  combineLatest,
  debounceTime,
  distinctUntilChanged,
  EMPTY,
  filter,
  map,
  of,
  startWith,
  switchMap,
  tap,
} from 'rxjs';
import { VehiclesApi, type VersionedVehicle } from '../../api/vehicles-api';
import { ActiveDealership } from '../../core/active-dealership';
import { problemOf } from '../../core/problem';
import {
  fieldErrors,
  focusFirstInvalid,
  type FormProblem,
  formProblem,
  revealBanner,
} from '../../shared/form-errors';
import { LoadState } from '../../shared/load-state';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { PrivateCard } from '../shared/private-card';
import {
  BODY_STYLE_LABELS,
  CONDITION_LABELS,
  DRIVETRAIN_LABELS,
  FUEL_TYPE_LABELS,
  STATUS_LABELS,
  TRANSMISSION_LABELS,
  vehicleTitle,
} from '../shared/vehicle-labels';
import {
  applyServerErrors,
  createVehicleForm,
  errorMessage,
  formValueFromVehicle,
  MAX_MODEL_YEAR,
  prefillFromVin,
  type VehicleField,
  vehicleInputFromForm,
  vehicleUpdateFromForm,
} from './vehicle-form-model';
import { MoneyField } from './money-field';
import { TextAreaField } from './text-area-field';
import { VinInsight } from './vin-insight';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/** `/inventory/new` and `/inventory/:id/edit`. */
@Component({
  selector: 'sr-vehicle-form-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MatSlideToggleModule,
    MoneyField,
    PrivateCard,
    ProblemTextPipe,
    ReactiveFormsModule,
    RouterLink,
    TextAreaField,
    VinInsight,
  ],
  templateUrl: './vehicle-form-page.html',
  styleUrl: './vehicle-form-page.scss',
})
export class VehicleFormPage implements OnInit {
  /** From the route (`:id`); absent when adding a vehicle. */
  readonly id = input<string>();

  private readonly vehiclesApi = inject(VehiclesApi);
  private readonly activeDealership = inject(ActiveDealership);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly title = inject(Title);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  protected readonly form = createVehicleForm(inject(NonNullableFormBuilder));
  protected readonly editing = computed(() => this.id() !== undefined);

  /** `ready` at once for a new vehicle; an edit reads the vehicle first. */
  private readonly loadState = new LoadState('ready');
  protected readonly loadStatus = this.loadState.status;
  protected readonly loadProblem = this.loadState.problem;
  private readonly original = signal<VersionedVehicle | null>(null);
  protected readonly heading = computed(() => {
    const original = this.original()?.vehicle;
    return this.editing() ? `Edit ${original ? vehicleTitle(original) : 'vehicle'}` : 'Add vehicle';
  });

  protected readonly saving = signal(false);
  /** Someone else saved this vehicle after we read it (412). */
  protected readonly stale = signal(false);
  protected readonly formProblem = signal<FormProblem | null>(null);

  protected readonly vinDecoding = signal<VinDecodingResponse | null>(null);
  protected readonly vinChecking = signal(false);
  protected readonly prefilled = signal<VehicleField[]>([]);
  protected readonly suggesting = signal(false);
  private lastSuggestion: string | null = null;

  protected readonly errors = fieldErrors(this.form, errorMessage);
  protected readonly year = toSignal(this.form.controls.year.valueChanges, { initialValue: null });

  protected readonly conditions = VEHICLE_CONDITIONS;
  protected readonly statuses = VEHICLE_STATUSES;
  protected readonly bodyStyles = BODY_STYLES;
  protected readonly drivetrains = DRIVETRAINS;
  protected readonly transmissions = TRANSMISSIONS;
  protected readonly fuelTypes = FUEL_TYPES;
  protected readonly currencies = CURRENCIES;
  protected readonly labels = {
    condition: CONDITION_LABELS as Record<string, string>,
    status: STATUS_LABELS as Record<string, string>,
    bodyStyle: BODY_STYLE_LABELS as Record<string, string>,
    drivetrain: DRIVETRAIN_LABELS as Record<string, string>,
    transmission: TRANSMISSION_LABELS as Record<string, string>,
    fuelType: FUEL_TYPE_LABELS as Record<string, string>,
  };
  protected readonly maxYear = MAX_MODEL_YEAR;

  constructor() {
    toObservable(this.id)
      .pipe(
        filter((id): id is string => id !== undefined),
        switchMap((id) => this.load(id)),
        takeUntilDestroyed(),
      )
      .subscribe();
    this.watchVin();
  }

  ngOnInit(): void {
    this.title.setTitle(`${this.editing() ? 'Edit vehicle' : 'Add vehicle'} · Showroom`);
    if (!this.editing()) this.suggestStockNumbers();
  }

  protected save(): void {
    if (this.saving()) return;
    this.formProblem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const value = this.form.getRawValue();
    const original = this.original();
    const id = this.id();
    if (id !== undefined && original) {
      const update = vehicleUpdateFromForm(value, original.vehicle);
      if (Object.keys(update).length === 0) {
        this.snackBar.open('Nothing changed', undefined, { duration: 3000 });
        void this.router.navigate(['/inventory', id]);
        return;
      }
      this.submit(this.vehiclesApi.update(id, original.etag, update), 'Changes saved');
    } else {
      this.submit(this.vehiclesApi.create(vehicleInputFromForm(value)), null);
    }
  }

  /** After a 412: take the other person's version; the dealer's unsaved edits are dropped. */
  protected reloadLatest(): void {
    const id = this.id();
    if (id === undefined) return;
    this.load(id).pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
  }

  protected suggestStockNumber(): void {
    this.requestSuggestion(this.form.controls.condition.value, true);
  }

  /** Shows the VIN the way it will be stored once the dealer leaves the field. */
  protected tidyVin(): void {
    const control = this.form.controls.vin;
    const tidy = normalizeVin(control.value);
    if (tidy !== control.value) control.setValue(tidy);
  }

  private submit(request: ReturnType<VehiclesApi['create']>, message: string | null): void {
    this.saving.set(true);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: ({ vehicle }) => {
        this.saving.set(false);
        this.form.markAsPristine();
        this.snackBar.open(message ?? `${vehicleTitle(vehicle)} added to inventory`, undefined, {
          duration: 4000,
        });
        void this.router.navigate(['/inventory', vehicle.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.showSaveProblem(problemOf(error));
      },
    });
  }

  private showSaveProblem(problem: Problem): void {
    switch (problem.status) {
      case 400: {
        const unmatched = applyServerErrors(this.form, problem.invalidParams ?? []);
        if (unmatched.length > 0 || !problem.invalidParams?.length) {
          this.formProblem.set(formProblem(problem, unmatched));
          revealBanner(this.host.nativeElement);
        } else {
          focusFirstInvalid(this.host.nativeElement);
        }
        return;
      }
      case 409: {
        // The service names the clashing field (stock number, or a VIN already on the lot).
        const params = problem.invalidParams ?? [];
        const unmatched = applyServerErrors(this.form, params);
        if (params.length === 0 || unmatched.length === params.length) {
          const stockNumber = this.form.controls.stockNumber;
          stockNumber.setErrors({
            server: problem.detail ?? 'This stock number is already used in this dealership',
          });
          stockNumber.markAsTouched();
        }
        focusFirstInvalid(this.host.nativeElement);
        return;
      }
      case 412:
        this.stale.set(true);
        revealBanner(this.host.nativeElement);
        return;
      default:
        this.formProblem.set(formProblem(problem));
        revealBanner(this.host.nativeElement);
    }
  }

  private load(id: string) {
    const read = this.vehiclesApi.get(id).pipe(
      tap((versioned) => {
        this.original.set(versioned);
        this.form.reset(formValueFromVehicle(versioned.vehicle));
        this.stale.set(false);
        this.formProblem.set(null);
        this.title.setTitle(`Edit ${vehicleTitle(versioned.vehicle)} · Showroom`);
      }),
    );
    return this.loadState.track(read);
  }

  /** A complete, well-formed VIN is looked up: prefill, manufacturer, duplicates in this dealership. */
  private watchVin(): void {
    const vin = this.form.controls.vin;
    vin.valueChanges
      .pipe(
        map((value) => normalizeVin(value)),
        debounceTime(300),
        distinctUntilChanged(),
        switchMap((value) => {
          if (value.length !== 17 || vinProblem(value) !== null) {
            this.vinDecoding.set(null);
            this.vinChecking.set(false);
            return EMPTY;
          }
          this.vinChecking.set(true);
          // The lookup only helps: when it fails, the dealer types year and make themselves.
          return this.vehiclesApi.decodeVin(value).pipe(catchError(() => of(null)));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((decoding) => {
        this.vinChecking.set(false);
        this.vinDecoding.set(decoding);
        if (!decoding) return;
        if (!decoding.valid) {
          vin.setErrors({ ...(vin.errors ?? {}), vin: decoding.problem ?? 'is not a valid VIN' });
          vin.markAsTouched();
          return;
        }
        this.prefilled.set(prefillFromVin(this.form, decoding));
      });
  }

  /**
   * On a new vehicle the stock number is suggested for the dealership and condition (stock
   * numbers often encode both), until the dealer types their own.
   */
  private suggestStockNumbers(): void {
    const condition = this.form.controls.condition;
    combineLatest([
      toObservable(this.activeDealership.id, { injector: this.injector }).pipe(filter((id) => id !== null)),
      condition.valueChanges.pipe(startWith(condition.value), distinctUntilChanged()),
    ])
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(([, value]) => this.requestSuggestion(value, false));
  }

  private requestSuggestion(condition: VehicleCondition, asked: boolean): void {
    const stockNumber = this.form.controls.stockNumber;
    const untouched = stockNumber.value === '' || stockNumber.value === this.lastSuggestion;
    if (!asked && !untouched) return;
    this.suggesting.set(true);
    this.vehiclesApi
      .nextStockNumber(condition)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (suggestion) => {
          this.suggesting.set(false);
          const stillUntouched = stockNumber.value === '' || stockNumber.value === this.lastSuggestion;
          if (asked || stillUntouched) {
            stockNumber.setValue(suggestion);
            this.lastSuggestion = suggestion;
          }
        },
        error: () => {
          this.suggesting.set(false);
          if (asked)
            this.snackBar.open('No stock number could be suggested; type one', 'OK', { duration: 5000 });
        },
      });
  }
}
