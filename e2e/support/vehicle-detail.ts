import { $, browser } from 'protractor';
import { portalOrigin } from './env';
import { testId } from './locators';
import { click, shown, textOf, untilText } from './waits';

type Status = 'available' | 'pending' | 'sold' | 'archived';
const STATUS_LABELS: Record<Status, string> = {
  available: 'Available',
  pending: 'Pending',
  sold: 'Sold',
  archived: 'Archived',
};

/** `/inventory/:id`: one vehicle, with the actions the dealer's role allows. */
export class VehicleDetail {
  readonly title = $(testId('vehicle-title'));
  readonly price = $(testId('vehicle-price'));
  readonly statusChip = $(testId('status-chip'));
  readonly changeStatusButton = $(testId('change-status'));
  readonly editButton = $(testId('edit-vehicle'));
  readonly deleteButton = $(testId('delete-vehicle'));
  readonly notFound = $(testId('vehicle-not-found'));

  /** Opens a vehicle by its address, as a bookmark or a shared link would. */
  async openById(id: string): Promise<void> {
    await browser.get(`${portalOrigin()}/inventory/${encodeURIComponent(id)}`);
  }

  async waitUntilShown(): Promise<void> {
    await shown(this.title, "the vehicle's page");
  }

  async waitUntilNotFound(): Promise<void> {
    await shown(this.notFound, 'the "Vehicle not found" state');
  }

  /** One of the facts (`fact-vin`, `fact-stock-number`, `fact-mileage`, …). */
  async fact(name: string): Promise<string> {
    const fact = $(testId(`fact-${name}`));
    await shown(fact, `the ${name} fact`);
    return textOf(fact);
  }

  /** Which changes the page offers (each is left out when the dealer's role may not make it). */
  async actionsOffered(): Promise<{ changeStatus: boolean; edit: boolean; delete: boolean }> {
    return {
      changeStatus: await this.changeStatusButton.isPresent(),
      edit: await this.editButton.isPresent(),
      delete: await this.deleteButton.isPresent(),
    };
  }

  async changeStatus(status: Status): Promise<void> {
    await click(this.changeStatusButton, 'Change status');
    await click($(testId(`status-${status}`)), `the "${status}" status`);
    await untilText(this.statusChip, STATUS_LABELS[status], 'the status chip');
  }

  async edit(): Promise<void> {
    await click(this.editButton, 'Edit');
  }
}
