import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { INTENT_COPY } from '../lead-forms/lead-intents';
import { isThankYouState } from '../lead-forms/thank-you-state';
import { Seo } from '../seo/seo';
import { SITE } from '../site/site';
import { NOW } from '../shared/clock';
import { telHref } from '../shared/contact-links';
import { clockAt, openState, whenText } from '../shared/opening-hours';

/** After a form is sent: who will answer, and when (from the dealership's hours in its time zone). */
@Component({
  selector: 'sf-thank-you-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sf-wrap thanks">
      <h1 tabindex="-1">Thank you{{ firstName() ? ', ' + firstName() : '' }}!</h1>
      <p class="lead">
        Your request{{ vehicle() ? ' about the ' + vehicle() : '' }} has reached {{ site.name }}. A member of
        our sales team will {{ promise() }}.
      </p>
      <p>{{ when() }}</p>
      @if (site.phone; as phone) {
        <p>
          In a hurry? Call us at <a [href]="tel(phone)">{{ phone }}</a>.
        </p>
      }
      <p class="actions">
        <a class="sf-button" routerLink="/cars">Keep browsing</a>
        <a class="sf-button secondary" routerLink="/">Home</a>
      </p>
    </div>
  `,
  styles: `
    .thanks {
      max-width: 42rem;
      padding-bottom: 2rem;
    }
    .lead {
      font-size: 1.125rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
    }
  `,
})
export class ThankYouPage {
  protected readonly site = inject(SITE);
  private readonly now = inject(NOW);
  private readonly state = (() => {
    const state = inject(Location).getState();
    return isThankYouState(state) ? state : null;
  })();
  protected readonly tel = telHref;

  protected readonly firstName = computed(() => this.state?.firstName ?? '');
  protected readonly vehicle = computed(() => this.state?.vehicle ?? null);
  protected readonly promise = computed(() =>
    this.state ? INTENT_COPY[this.state.intent].promise : 'answer your request',
  );
  protected readonly when = computed(() => {
    const state = openState(this.site.hours, clockAt(this.site.timeZone, this.now()));
    if (state.open) return 'We are open now, so expect to hear from us shortly — usually within the hour.';
    if (state.next)
      return `We are closed right now; we will get back to you when we open, ${whenText(state.next)}.`;
    return 'We will get back to you as soon as we can.';
  });

  constructor() {
    inject(Seo).page({
      title: 'Thank you',
      description: `Your request has reached ${this.site.name}.`,
      path: '/thank-you',
      noindex: true,
    });
  }
}
