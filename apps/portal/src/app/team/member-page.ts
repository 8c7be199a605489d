import { Component, computed, DestroyRef, effect, ElementRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { AdminMember, MemberDetail, Role } from '@showroom/contracts';
import { filter, map, type Observable, of, switchMap, tap } from 'rxjs';
import { SignInList } from '../account/sign-in-list';
import { TeamAdminApi } from '../api/team-admin-api';
import { ActiveDealership } from '../core/active-dealership';
import { roleLabel } from '../core/labels';
import { Notifier } from '../core/notifier';
import { problemOf } from '../core/problem';
import { Session } from '../core/session';
import { Clock } from '../leads/shared/clock';
import { ExactTimePipe, RelativeTimePipe } from '../leads/shared/time-pipes';
import { ConfirmDialog, type ConfirmDialogData } from '../shared/confirm-dialog';
import { type FormProblem, revealBanner } from '../shared/form-errors';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { FormProblemBanner } from '../shared/form-problem-banner';
import { LoadState } from '../shared/load-state';
import { ProblemTextPipe } from '../shared/problem-text.pipe';
import { SkeletonRecord } from '../shared/skeleton';
import { MemberStatusChip } from './team-chips';
import {
  grantableRoles,
  historySentence,
  mayManageMember,
  mayTransferOwnership,
  roleWithArticle,
} from './team-model';

/**
 * `/team/:userId`: one member of the team, their role and access (as far as the dealer's rank allows),
 * who changed what and when, their recent sign-ins and whether they use a second factor.
 */
@Component({
  selector: 'sr-member-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ExactTimePipe,
    FormProblemBanner,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    MemberStatusChip,
    ProblemTextPipe,
    ReactiveFormsModule,
    RelativeTimePipe,
    RouterLink,
    SignInList,
    SkeletonRecord,
  ],
  templateUrl: './member-page.html',
  styleUrl: './member-page.scss',
})
export class MemberPage {
  readonly userId = input.required<string>();

  private readonly api = inject(TeamAdminApi);
  private readonly activeDealership = inject(ActiveDealership);
  private readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly title = inject(Title);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  protected readonly clock = inject(Clock);

  private readonly loadState = new LoadState();
  protected readonly status = this.loadState.status;
  protected readonly loadProblem = this.loadState.problem;
  protected readonly member = signal<MemberDetail | null>(null);
  /** A change in flight: its buttons and the role select wait for it. */
  protected readonly busy = signal(false);
  /** What the service refused last (403, 409), in its words. */
  protected readonly problem = signal<FormProblem | null>(null);
  protected readonly roleControl = new FormControl<Role | null>(null);

  private readonly actorRole = this.activeDealership.role;
  private readonly youId = computed(() => this.session.me()?.id ?? null);
  protected readonly dealershipName = computed(
    () => this.activeDealership.membership()?.dealership.name ?? 'the dealership',
  );
  protected readonly roles = computed(() => grantableRoles(this.actorRole()));
  protected readonly canManage = computed(() => {
    const member = this.member();
    return member !== null && mayManageMember(this.actorRole(), this.youId(), member);
  });
  protected readonly canTransfer = computed(() => {
    const member = this.member();
    return member !== null && mayTransferOwnership(this.actorRole(), this.youId(), member);
  });
  protected readonly readOnlyReason = computed(() => {
    const member = this.member();
    if (!member || this.canManage()) return null;
    if (member.id === this.youId())
      return 'This is you: another owner or manager changes your role or access.';
    if (member.role === 'owner') return 'Only an owner changes an owner’s role or access.';
    return 'Your role does not allow changing this member.';
  });
  /** Newest first. */
  protected readonly history = computed(() => {
    const member = this.member();
    if (!member) return [];
    return [...member.history]
      .sort((a, b) => b.at.localeCompare(a.at))
      .map((event) => ({ ...event, sentence: historySentence(event, member.name) }));
  });
  protected readonly roleLabel = roleLabel;

  constructor() {
    toObservable(this.userId)
      .pipe(
        filter((id) => !!id),
        switchMap((id) => {
          this.member.set(null);
          this.problem.set(null);
          return this.load(id);
        }),
        takeUntilDestroyed(),
      )
      .subscribe();
    effect(() => {
      if (this.busy()) this.roleControl.disable({ emitEvent: false });
      else this.roleControl.enable({ emitEvent: false });
    });
  }

  protected reload(): void {
    this.load(this.userId()).pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
  }

  protected dismissProblem(): void {
    this.problem.set(null);
  }

  /** The select offers only the roles the dealer may give; making someone an owner is asked first. */
  protected roleSelected(role: Role): void {
    const member = this.member();
    if (!member || this.busy() || role === member.role) return;
    const asked =
      role === 'owner'
        ? this.confirm({
            title: `Make ${member.name} an owner?`,
            message:
              `${member.name} may then do everything at ${this.dealershipName()}, including changing the ` +
              'access of every other owner and manager, rotating the ADF key and adding rooftops.',
            confirmLabel: 'Make owner',
          })
        : of(true);
    asked.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((confirmed) => {
      if (!confirmed) {
        this.roleControl.setValue(member.role, { emitEvent: false });
        return;
      }
      this.change(
        this.api.changeRole(member.id, role),
        'The role was not changed.',
        (changed) => `${changed.name} is now ${roleWithArticle(changed.role)}`,
      );
    });
  }

  protected deactivate(): void {
    const member = this.member();
    if (!member || this.busy()) return;
    this.confirm({
      title: `Deactivate ${member.name}?`,
      message:
        `${member.name} loses access to ${this.dealershipName()}: they cannot sign in to it any more, and a ` +
        'session they have open stops working within 15 minutes. Their open leads go back to round-robin ' +
        'for the rest of the team. You can reactivate them later.',
      confirmLabel: 'Deactivate',
      destructive: true,
    })
      .pipe(filter(Boolean), takeUntilDestroyed(this.destroyRef))
      .subscribe(() =>
        this.change(
          this.api.deactivate(member.id),
          `${member.name} was not deactivated.`,
          (changed) => `${changed.name} is deactivated; their open leads go back to round-robin`,
        ),
      );
  }

  protected reactivate(): void {
    const member = this.member();
    if (!member || this.busy()) return;
    this.confirm({
      title: `Reactivate ${member.name}?`,
      message:
        `${member.name} can sign in to ${this.dealershipName()} again as ${roleWithArticle(member.role)}` +
        (member.role === 'sales' ? ', and round-robin gives them new leads again.' : '.'),
      confirmLabel: 'Reactivate',
    })
      .pipe(filter(Boolean), takeUntilDestroyed(this.destroyRef))
      .subscribe(() =>
        this.change(
          this.api.reactivate(member.id),
          `${member.name} was not reactivated.`,
          (changed) => `${changed.name} is active again`,
        ),
      );
  }

  /**
   * Owners only. The caller becomes a manager, so their token changes: a fresh one and their
   * memberships are read again (as after adding a rooftop), and the page shows what a manager may do.
   */
  protected transferOwnership(): void {
    const member = this.member();
    if (!member || this.busy()) return;
    this.confirm({
      title: `Transfer ownership to ${member.name}?`,
      message:
        `${member.name} becomes the owner of ${this.dealershipName()} and you become a manager. You lose ` +
        'what only owners may do: open credit applications, rotate the ADF key, add rooftops, change an ' +
        `owner’s access and transfer ownership. Only ${member.name} or another owner can make you an owner again.`,
      confirmLabel: 'Transfer ownership',
      destructive: true,
    })
      .pipe(filter(Boolean), takeUntilDestroyed(this.destroyRef))
      .subscribe(() =>
        this.change(
          this.api.transferOwnership(member.id),
          'Ownership was not transferred.',
          (changed) => `${changed.name} is now the owner; you are a manager`,
          () =>
            this.session
              .refreshMemberships()
              .catch(() =>
                this.notifier.show(
                  'Ownership is transferred. Sign in again to go on with your new role.',
                  'OK',
                  8000,
                ),
              ),
        ),
      );
  }

  private confirm(data: ConfirmDialogData): Observable<boolean> {
    return this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '460px' })
      .afterClosed()
      .pipe(map((confirmed) => confirmed === true));
  }

  /**
   * Sends a change; the page shows the member as answered, then reads them again for the history. A
   * refusal shows the service's reason above the actions, and the select goes back to the role they have.
   */
  private change(
    request: Observable<AdminMember>,
    failure: string,
    done: (changed: AdminMember) => string,
    after?: () => unknown,
  ): void {
    this.busy.set(true);
    this.problem.set(null);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (changed) => {
        this.busy.set(false);
        this.member.update((member) => member && { ...member, ...changed });
        this.roleControl.setValue(changed.role, { emitEvent: false });
        this.notifier.show(done(changed));
        after?.();
        this.refreshHistory(changed.id);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = problemOf(error);
        if (problem.status === 404) {
          this.status.set('not-found');
          return;
        }
        this.problem.set({ title: failure, detail: problem.detail ?? problem.title, params: [] });
        this.roleControl.setValue(this.member()?.role ?? null, { emitEvent: false });
        revealBanner(this.host);
      },
    });
  }

  /** Quietly: the change is shown already; a failed read leaves the page as it is. */
  private refreshHistory(userId: string): void {
    this.api
      .member(userId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (member) => this.show(member), error: () => undefined });
  }

  private show(member: MemberDetail): void {
    this.member.set(member);
    this.roleControl.setValue(member.role, { emitEvent: false });
    this.title.setTitle(`${member.name} · Team · Showroom`);
  }

  private load(userId: string): Observable<MemberDetail> {
    return this.loadState.track(this.api.member(userId).pipe(tap((member) => this.show(member))), {
      quietly: this.member() !== null,
    });
  }
}
