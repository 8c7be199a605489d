import { COMMA, ENTER } from '@angular/cdk/keycodes';
import { Component, computed, DestroyRef, ElementRef, inject, NgZone, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import type { WebsiteSettings } from '@showroom/contracts';
import { catchError, EMPTY, filter, type Observable, of, Subject, switchMap, tap } from 'rxjs';
import { WebsiteApi } from '../api/website-api';
import { ActiveDealership } from '../core/active-dealership';
import { Permissions } from '../core/permissions';
import { problemOf } from '../core/problem';
import { ConfirmDialog, type ConfirmDialogData } from '../shared/confirm-dialog';
import { addChip, removeChip } from '../shared/chip-list';
import { fieldErrors, focusFirstInvalid, type FormProblem, revealBanner } from '../shared/form-errors';
import { FormProblemBanner, saveProblem } from '../shared/form-problem-banner';
import { LoadState } from '../shared/load-state';
import { pollWhile } from '../shared/poll';
import { ProblemTextPipe } from '../shared/problem-text.pipe';
import { AddressFields } from './address-fields';
import { HoursEditor } from './hours-editor';
import { LogoCard, logoFileProblem } from './logo-card';
import { ProvisioningCard } from './provisioning-card';
import { isProvisioning, PROVISIONING_POLL_MS } from './provisioning-labels';
import { ThemePreview } from './theme-preview';
import {
  applyWebsiteServerErrors,
  createWebsiteForm,
  formValueFromWebsite,
  MAX_CUSTOM_DOMAINS,
  tidyDomain,
  websiteErrorMessage,
  websiteUpdateFromForm,
} from './website-model';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/**
 * `/website`: the dealership's site as shoppers see it (colours, logo, contact, hours, domains), and
 * where publishing it stands. Saves only what changed, with the version it read (If-Match).
 */
@Component({
  selector: 'sr-website-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    AddressFields,
    FormProblemBanner,
    HoursEditor,
    LogoCard,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    ProblemTextPipe,
    ProvisioningCard,
    ReactiveFormsModule,
    ThemePreview,
  ],
  templateUrl: './website-page.html',
  styleUrl: './website-page.scss',
})
export class WebsitePage {
  private readonly api = inject(WebsiteApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly zone = inject(NgZone);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly permissions = inject(Permissions);
  private readonly router = inject(Router);

  protected readonly form = createWebsiteForm(inject(NonNullableFormBuilder));
  /** Every dealership has a website: any failure to read it is `failed`. */
  private readonly loadState = new LoadState('loading', false);
  protected readonly status = this.loadState.status;
  protected readonly loadProblem = this.loadState.problem;
  protected readonly website = signal<WebsiteSettings | null>(null);

  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<FormProblem | null>(null);
  /** Someone else saved since the page read the website (412). */
  protected readonly stale = signal(false);
  protected readonly retrying = signal(false);
  protected readonly uploadingLogo = signal(false);
  protected readonly logoProblem = signal<string | null>(null);
  /** The chosen file, shown while it uploads. */
  private readonly logoPreview = signal<string | null>(null);
  protected readonly logoUrl = computed(() => this.logoPreview() ?? this.website()?.logo?.url ?? null);

  private readonly formChanged = toSignal(this.form.events);
  protected readonly errors = fieldErrors(this.form, websiteErrorMessage, this.formChanged);
  private readonly value = computed(() => {
    this.formChanged();
    return this.form.getRawValue();
  });
  protected readonly domains = computed(() => this.value().customDomains);
  protected readonly brandColour = computed(() => this.value().brandColour);
  protected readonly accentColour = computed(() => this.value().accentColour);
  protected readonly tagline = computed(() => this.value().tagline);
  protected readonly maxDomains = MAX_CUSTOM_DOMAINS;
  protected readonly separatorKeys = [ENTER, COMMA] as const;

  /** The settings whose publishing to follow; null stops following (another dealership). */
  private readonly watched = new Subject<WebsiteSettings | null>();

  constructor() {
    toObservable(inject(ActiveDealership).id)
      .pipe(
        filter((id) => id !== null),
        tap(() => this.watched.next(null)),
        switchMap(() => this.leaveWithoutPermission() ?? this.load()),
        takeUntilDestroyed(),
      )
      .subscribe();
    this.watched
      .pipe(
        switchMap((website) =>
          website && isProvisioning(website.provisioning) ? this.pollProvisioning(website) : EMPTY,
        ),
        takeUntilDestroyed(),
      )
      .subscribe((latest) => {
        // Only the status: the version stays the one the form was read at, so a save still
        // notices someone else's change (412) instead of overwriting it.
        this.website.update((website) =>
          website?.dealershipId === latest.dealershipId
            ? { ...website, provisioning: latest.provisioning }
            : website,
        );
        // An uploaded logo's public URL answers once provisioning has put it there.
        if (!isProvisioning(latest.provisioning)) this.setLogoPreview(null);
      });
    this.destroyRef.onDestroy(() => this.setLogoPreview(null));
  }

  protected reload(): void {
    this.load().pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
  }

  protected addDomain(event: MatChipInputEvent): void {
    addChip(this.form.controls.customDomains, event, tidyDomain);
  }

  protected removeDomain(domain: string): void {
    removeChip(this.form.controls.customDomains, domain);
  }

  /** The native picker needs a valid #rrggbb; while the typed one is not, it shows black. */
  protected swatchOf(colour: string): string {
    return /^#[0-9a-fA-F]{6}$/.test(colour) ? colour.toLowerCase() : '#000000';
  }

  /** The picker is not a control of the form (its field would be focused as "invalid"): it sets the typed one. */
  protected pickColour(field: 'brandColour' | 'accentColour', event: Event): void {
    const control = this.form.controls[field];
    control.setValue((event.target as HTMLInputElement).value);
    control.markAsDirty();
    control.markAsTouched();
  }

  protected save(): void {
    const before = this.website();
    if (!before || this.saving()) return;
    this.saveProblem.set(null);
    if (this.form.invalid) {
      // Too light a colour, a bad domain or day: the fields say why; nothing is sent.
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host);
      return;
    }
    const update = websiteUpdateFromForm(this.form, before);
    if (Object.keys(update).length === 0) {
      this.snackBar.open('Nothing changed', undefined, { duration: 3000 });
      return;
    }
    this.saving.set(true);
    this.api
      .update(before.version, update)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (website) => {
          this.saving.set(false);
          this.show(website);
          this.snackBar.open('Website saved; publishing the changes', undefined, { duration: 4000 });
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = problemOf(error);
          if (problem.status === 412) {
            this.stale.set(true);
          } else {
            this.saveProblem.set(
              saveProblem(problem, applyWebsiteServerErrors(this.form, problem.invalidParams ?? [])),
            );
          }
          revealBanner(this.host);
        },
      });
  }

  /** Reads the website as someone else saved it; the changes made here are dropped. */
  protected reloadLatest(): void {
    this.stale.set(false);
    this.saveProblem.set(null);
    this.load().pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
  }

  protected uploadLogo(file: File): void {
    const refused = logoFileProblem(file);
    this.logoProblem.set(refused);
    if (refused || this.uploadingLogo()) return;
    this.setLogoPreview(file);
    this.uploadingLogo.set(true);
    this.changeLogo(this.api.uploadLogo(file), 'Logo saved; publishing it', { keepPreview: true });
  }

  /** Removing is published by itself and cannot be undone (the file is gone): asked first. */
  protected removeLogo(): void {
    if (this.uploadingLogo()) return;
    const data: ConfirmDialogData = {
      title: 'Remove the logo?',
      message:
        'The site shows the dealership’s name in its place as soon as the change is published. ' +
        'To have the logo back, upload its file again.',
      confirmLabel: 'Remove logo',
      destructive: true,
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '440px' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true && !this.uploadingLogo()),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => {
        this.logoProblem.set(null);
        this.uploadingLogo.set(true);
        this.changeLogo(this.api.removeLogo(), 'Logo removed; the site shows the name instead');
      });
  }

  protected retryProvisioning(): void {
    if (this.retrying()) return;
    this.retrying.set(true);
    this.api
      .retryProvisioning()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (latest) => {
          this.retrying.set(false);
          this.website.update((website) =>
            website ? { ...website, provisioning: latest.provisioning } : website,
          );
          this.watched.next(this.website());
        },
        error: (error: unknown) => {
          this.retrying.set(false);
          const problem = problemOf(error);
          this.snackBar.open(`Publishing was not retried: ${problem.detail ?? problem.title}`, 'OK', {
            duration: 8000,
          });
        },
      });
  }

  /**
   * The logo is saved on its own (no If-Match: it changes no field of the form). The page keeps the
   * form as the dealer left it and takes the new version and status. An uploaded logo's public URL
   * is live only once published: `keepPreview` shows the picked file until then.
   */
  private changeLogo(change: Observable<WebsiteSettings>, done: string, { keepPreview = false } = {}): void {
    change.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (website) => {
        this.uploadingLogo.set(false);
        if (!keepPreview || !isProvisioning(website.provisioning)) this.setLogoPreview(null);
        this.website.set(website);
        this.watched.next(website);
        this.snackBar.open(done, undefined, { duration: 3000 });
      },
      error: (error: unknown) => {
        this.uploadingLogo.set(false);
        this.setLogoPreview(null);
        const problem = problemOf(error);
        const field = problem.invalidParams?.find((param) => param.name.includes('logo'));
        this.logoProblem.set(field?.reason ?? problem.detail ?? problem.title);
      },
    });
  }

  private setLogoPreview(file: File | null): void {
    const previous = this.logoPreview();
    if (previous) URL.revokeObjectURL(previous);
    // Test browsers without object URLs show no preview, only the upload's outcome.
    this.logoPreview.set(
      file && typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null,
    );
  }

  private show(website: WebsiteSettings): void {
    this.website.set(website);
    this.stale.set(false);
    this.form.reset(formValueFromWebsite(website));
    this.watched.next(website);
  }

  private load(): Observable<WebsiteSettings> {
    return this.loadState.track(this.api.get().pipe(tap((website) => this.show(website))));
  }

  /** Reads again every few seconds until the site is live or failed; `known` is the first answer. */
  private pollProvisioning(known: WebsiteSettings): Observable<WebsiteSettings> {
    let reads = 0;
    return pollWhile(
      () => (reads++ === 0 ? of(known) : this.api.get()),
      (website) => isProvisioning(website.provisioning),
      { intervalMs: PROVISIONING_POLL_MS, zone: this.zone },
    ).pipe(catchError(() => EMPTY));
  }

  /** Switched to a dealership where the dealer may not manage the website: back to the inventory. */
  private leaveWithoutPermission(): Observable<never> | null {
    if (this.permissions.can('website:manage')) return null;
    void this.router.navigateByUrl('/inventory');
    return EMPTY;
  }
}
