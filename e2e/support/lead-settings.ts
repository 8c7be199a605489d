import { $ } from 'protractor';
import { testId } from './locators';
import { click, shown, textOf, until } from './waits';

/** The ingest key as the page shows it once: the key, and where and how a marketplace sends ADF. */
export interface ShownIngestKey {
  key: string;
  /** "https://…/api/leads/adf", from "POST <endpoint>". */
  endpoint: string;
  /** "Authorization: Bearer srk_…". */
  header: string;
}

/** `/leads/settings`: site origins, acknowledgement e-mail, CRM, and the ADF ingest key (owners). */
export class LeadSettingsPage {
  readonly saveButton = $(testId('save-lead-settings'));
  readonly loadError = $(testId('settings-error'));
  readonly keyHint = $(testId('ingest-key-hint'));
  readonly rotateButton = $(testId('rotate-ingest-key'));
  readonly confirmButton = $(testId('confirm'));
  readonly ingestKey = $(testId('ingest-key'));
  readonly adfEndpoint = $(testId('adf-endpoint'));
  readonly adfHeader = $(testId('adf-header'));

  async waitUntilShown(): Promise<void> {
    await until(async () => {
      if (await this.loadError.isPresent()) {
        throw new Error(`the lead settings show an error: ${await textOf(this.loadError)}`);
      }
      return (await this.saveButton.isPresent()) && (await this.saveButton.isDisplayed());
    }, 'the lead settings to load');
  }

  /** Rotates the key through "Rotate ingest key" and its confirmation; returns what is shown once. */
  async rotateIngestKey(): Promise<ShownIngestKey> {
    await click(this.rotateButton, 'Rotate ingest key');
    await click(this.confirmButton, 'Rotate key in the confirmation');
    await shown(this.ingestKey, 'the new ingest key');
    const endpoint = (await textOf(this.adfEndpoint)).replace(/^POST\s+/, '');
    return { key: await textOf(this.ingestKey), endpoint, header: await textOf(this.adfHeader) };
  }
}
