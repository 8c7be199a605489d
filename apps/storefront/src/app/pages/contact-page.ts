import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { LeadIntent } from '@showroom/contracts';
import { map } from 'rxjs';
import { LeadForm } from '../lead-forms/lead-form';
import { INTENT_COPY } from '../lead-forms/lead-intents';
import { Seo } from '../seo/seo';
import { SITE } from '../site/site';
import { DealershipContact } from '../shared/dealership-contact';

/** The forms the contact page offers, general first (?intent= picks another). */
const CONTACT_INTENTS: readonly LeadIntent[] = [
  'general_contact',
  'value_trade_in',
  'get_pre_approved',
  'schedule_test_drive',
];

/** /contact: where the dealership is, when it is open, how to call it, and a form (no map). */
@Component({
  selector: 'sf-contact-page',
  imports: [RouterLink, DealershipContact, LeadForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sf-wrap">
      <h1>Contact {{ site.name }}</h1>
      <div class="layout">
        <section aria-labelledby="visit-heading">
          <h2 id="visit-heading">Visit or call</h2>
          <sf-dealership-contact />
        </section>
        <section aria-labelledby="topics-heading">
          <h2 id="topics-heading" class="sf-visually-hidden">What can we help with?</h2>
          <ul class="topics" aria-label="What can we help with?">
            @for (choice of topics; track choice.intent) {
              <li>
                <a
                  routerLink="/contact"
                  [queryParams]="choice.intent === 'general_contact' ? {} : { intent: choice.intent }"
                  [attr.aria-current]="choice.intent === intent() ? 'true' : null"
                  replaceUrl
                  >{{ choice.action }}</a
                >
              </li>
            }
          </ul>
          <sf-lead-form [intent]="intent()" />
        </section>
      </div>
    </div>
  `,
  styles: `
    .layout {
      display: grid;
      gap: 1rem 3rem;
    }
    @media (min-width: 900px) {
      .layout {
        grid-template-columns: 2fr 3fr;
      }
    }
    .topics {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      list-style: none;
      padding: 0;
      margin: 2rem 0 1.5rem;
    }
    .topics a {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      padding: 0 1rem;
      border: 1px solid var(--sf-line);
      border-radius: 22px;
      text-decoration: none;
      font-weight: 600;
    }
    .topics a[aria-current] {
      background: var(--sf-brand);
      border-color: var(--sf-brand);
      color: #fff;
    }
  `,
})
export class ContactPage {
  protected readonly site = inject(SITE);
  protected readonly topics = CONTACT_INTENTS.map((intent) => ({
    intent,
    action: INTENT_COPY[intent].action,
  }));
  protected readonly intent = toSignal(
    inject(ActivatedRoute).queryParamMap.pipe(
      map((params) => {
        const asked = params.get('intent') as LeadIntent | null;
        return asked && CONTACT_INTENTS.includes(asked) ? asked : 'general_contact';
      }),
    ),
    { initialValue: 'general_contact' as LeadIntent },
  );

  constructor() {
    const seo = inject(Seo);
    const address = this.site.address;
    const place = address ? ` at ${address.street}, ${address.city}, ${address.region}` : '';
    seo.page({
      title: 'Contact us',
      description: `Visit ${this.site.name}${place}${this.site.phone ? `, call ${this.site.phone}` : ''} or send us a message. Sales hours and directions.`,
      path: '/contact',
    });
  }
}
