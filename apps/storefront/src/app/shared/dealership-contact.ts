import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { SITE } from '../site/site';
import { NOW } from './clock';
import { telHref } from './contact-links';
import { DAY_NAMES, WEEK, clockAt, dayHoursText, openState, openStateText } from './opening-hours';

/** Where the dealership is, how to reach it and when it is open (in its own time zone). */
@Component({
  selector: 'sf-dealership-contact',
  imports: [NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="contact">
      <div>
        <p class="name">{{ site.name }}</p>
        @if (site.address; as address) {
          <address>
            {{ address.street }}<br />
            {{ address.city }}, {{ address.region }} {{ address.postalCode }}
          </address>
        }
        <ul class="reach">
          @if (site.phone; as phone) {
            <li>
              <span class="label">Phone</span> <a [href]="tel(phone)">{{ phone }}</a>
            </li>
          }
          @if (site.email; as email) {
            <li>
              <span class="label">E-mail</span> <a [href]="'mailto:' + email">{{ email }}</a>
            </li>
          }
        </ul>
      </div>
      @if (site.hours.length > 0) {
        <div>
          <p class="today">
            <strong>Today: {{ todayHours() }}</strong>
            @if (stateText(); as state) {
              <br /><span>{{ state }}</span>
            }
          </p>
          @if (compact()) {
            <details>
              <summary>Sales hours this week</summary>
              <ng-container *ngTemplateOutlet="weekTable" />
            </details>
          } @else {
            <ng-container *ngTemplateOutlet="weekTable" />
          }
        </div>
      }
    </div>
    <ng-template #weekTable>
      <table class="hours">
        <caption>
          Sales hours
          <span class="zone">({{ zoneName() }})</span>
        </caption>
        <tbody>
          @for (row of week(); track row.day) {
            <tr [class.current]="row.today">
              <th scope="row">{{ row.name }}</th>
              <td>{{ row.hours }}</td>
            </tr>
          }
        </tbody>
      </table>
    </ng-template>
  `,
  styles: `
    .contact {
      display: grid;
      gap: 1rem 2rem;
    }
    @media (min-width: 640px) {
      .contact {
        grid-template-columns: 1fr 1fr;
      }
    }
    .name {
      font-weight: 700;
      margin: 0 0 0.25rem;
    }
    address {
      font-style: normal;
      margin-bottom: 0.5rem;
    }
    .reach {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .reach a {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      color: inherit;
      text-decoration: underline;
    }
    .label {
      display: inline-block;
      min-width: 4rem;
      color: inherit;
      opacity: 0.85;
    }
    .today {
      margin: 0 0 0.5rem;
    }
    .hours {
      border-collapse: collapse;
    }
    caption {
      text-align: left;
      font-weight: 700;
      padding-bottom: 0.25rem;
    }
    .zone {
      font-weight: 400;
    }
    summary {
      display: flex;
      align-items: center;
      min-height: 44px;
      cursor: pointer;
      text-decoration: underline;
    }
    th,
    td {
      text-align: left;
      padding: 0.125rem 1rem 0.125rem 0;
      font-weight: 400;
    }
    tr.current th,
    tr.current td {
      font-weight: 700;
    }
  `,
})
export class DealershipContact {
  protected readonly site = inject(SITE);
  private readonly now = inject(NOW);
  /** The footer's version: the week's hours folded away under today's. */
  readonly compact = input(false);

  protected readonly tel = telHref;
  private readonly clock = computed(() => clockAt(this.site.timeZone, this.now()));
  protected readonly todayHours = computed(() => dayHoursText(this.site.hours, this.clock().day));
  protected readonly stateText = computed(() => openStateText(openState(this.site.hours, this.clock())));
  protected readonly week = computed(() =>
    WEEK.map((day) => ({
      day,
      name: DAY_NAMES[day],
      hours: dayHoursText(this.site.hours, day),
      today: day === this.clock().day,
    })),
  );
  protected readonly zoneName = computed(() => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: this.site.timeZone,
      timeZoneName: 'long',
    }).formatToParts(this.now());
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? this.site.timeZone;
  });
}
