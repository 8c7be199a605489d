import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Kysely } from 'kysely';
import type { DealTradeIn, InvalidParam } from '@showroom/contracts';
import { forEachMultipartFile, problems, type HttpProblem } from '@showroom/server-kit';
import type { ObjectStore } from '@showroom/server-storage';
import type { RetailDatabase } from '../database';
import type { DealRow } from '../deals/deal-repository';
import { DealRepository } from '../deals/deal-repository';
import { MAX_TRADE_PHOTO_BYTES, MAX_TRADE_PHOTOS, normalisePhoto, UnusablePhoto } from './photo-pipeline';
import { noTradeIn, notUsablePhoto, requireTradeOpen } from './trade-problems';
import { TradeInRepository } from './trade-in-repository';
import type { TradeInService } from './trade-in-service';

/** The multipart field photos come in. */
export const TRADE_PHOTO_FIELD = 'photos';

export interface TradeInPhotosDeps {
  db: Kysely<RetailDatabase>;
  objects: ObjectStore;
  views: Pick<TradeInService, 'viewOf'>;
}

/** Where a photo is kept: the media bucket's private `retail/` prefix, never served by the CDN. */
export const tradePhotoKey = (dealershipId: string, tradeInId: string, photoId: string): string =>
  `retail/${dealershipId}/trade-ins/${tradeInId}/${photoId}.jpg`;

interface Refusal {
  param: InvalidParam;
  status: 409 | 422;
}

/** The answer when files were refused: 409 when every refusal is the photo limit, else 422. */
function refusedUpload(
  files: number,
  added: number,
  refusals: Refusal[],
  parts: InvalidParam[],
): HttpProblem {
  const invalidParams = [...refusals.map((refusal) => refusal.param), ...parts];
  if (refusals.length === 0) return problems.validation(invalidParams);
  const summary = `${added} of ${files} photo${files === 1 ? '' : 's'} added; ${refusals.length} refused.`;
  if (refusals.every((refusal) => refusal.status === 409)) return problems.conflict(summary, invalidParams);
  return notUsablePhoto(summary, invalidParams);
}

/**
 * Photos of the shopper's trade: uploaded (each re-encoded without metadata, at most eight per trade,
 * ten megabytes each) and read back for the desk and the shopper's signed links.
 */
export class TradeInPhotos {
  constructor(private readonly deps: TradeInPhotosDeps) {}

  /** Adds the upload's photos one by one; a refused file is named, the files before it stay added. */
  async add(deal: DealRow, req: Request): Promise<DealTradeIn> {
    const dealershipId = deal.dealership_id;
    requireTradeOpen(deal.status);
    const trade = await new TradeInRepository(this.deps.db).forDeal(dealershipId, deal.id);
    if (!trade) throw noTradeIn(deal.id);
    const refusals: Refusal[] = [];
    let added = 0;
    const { refusedParts, files } = await forEachMultipartFile(
      req,
      {
        field: TRADE_PHOTO_FIELD,
        noun: 'photos',
        maxFileBytes: MAX_TRADE_PHOTO_BYTES,
        maxFiles: MAX_TRADE_PHOTOS,
        defaultName: (index) => `photo ${index + 1}`,
      },
      async (file) => {
        const name = `${TRADE_PHOTO_FIELD}[${file.index}]`;
        if ('refused' in file) {
          refusals.push({ param: { name, reason: `${file.name} ${file.refused}` }, status: 422 });
          return;
        }
        try {
          const photo = await normalisePhoto(file.bytes);
          const stored = await this.store(deal, photo);
          if (stored) added++;
          else
            refusals.push({
              param: {
                name,
                reason: `${file.name} was not added: a trade-in has at most ${MAX_TRADE_PHOTOS} photos`,
              },
              status: 409,
            });
        } catch (error) {
          if (!(error instanceof UnusablePhoto)) throw error;
          refusals.push({ param: { name, reason: `${file.name} ${error.message}` }, status: 422 });
        }
      },
    );
    if (refusals.length > 0 || added === 0) throw refusedUpload(files, added, refusals, refusedParts);
    const view = await this.deps.views.viewOf(this.deps.db, dealershipId, deal.id);
    if (!view) throw noTradeIn(deal.id);
    return view;
  }

  /** The photo's JPEG, or null when the deal's trade has no such photo. */
  async read(dealershipId: string, dealId: string, photoId: string): Promise<Buffer | null> {
    const trades = new TradeInRepository(this.deps.db);
    const trade = await trades.forDeal(dealershipId, dealId);
    const photo = trade ? await trades.photo(dealershipId, trade.id, photoId) : undefined;
    if (!photo) return null;
    return (await this.deps.objects.get(photo.object_key))?.body ?? null;
  }

  /**
   * Stores one photo: false when the trade already has its eight. The object is put to storage
   * first, under a fresh key, so no deal row is locked while it uploads; the transaction then only
   * checks the limit under the locked trade (it holds however many uploads run at once) and adds
   * the row. When the transaction refuses or fails, the object is deleted again.
   */
  private async store(
    deal: DealRow,
    photo: { jpeg: Buffer; width: number; height: number },
  ): Promise<boolean> {
    const dealershipId = deal.dealership_id;
    const trade = await new TradeInRepository(this.deps.db).forDeal(dealershipId, deal.id);
    if (!trade) throw noTradeIn(deal.id);
    const photoId = randomUUID();
    const key = tradePhotoKey(dealershipId, trade.id, photoId);
    await this.deps.objects.put(key, photo.jpeg, { contentType: 'image/jpeg' });
    let added = false;
    try {
      added = await this.deps.db.transaction().execute(async (trx) => {
        const locked = await new DealRepository(trx).findForUpdate(dealershipId, deal.id);
        if (!locked) throw problems.notFound(`Deal ${deal.id}`);
        requireTradeOpen(locked.status);
        const trades = new TradeInRepository(trx);
        const current = await trades.forDealForUpdate(dealershipId, deal.id);
        // A trade replaced meanwhile keeps its id; one removed and described again does not.
        if (current?.id !== trade.id) throw noTradeIn(deal.id);
        const existing = await trades.photos(dealershipId, trade.id);
        if (existing.length >= MAX_TRADE_PHOTOS) return false;
        await trades.addPhotos(dealershipId, [
          {
            id: photoId,
            trade_in_id: trade.id,
            object_key: key,
            width: photo.width,
            height: photo.height,
            position: existing.reduce((last, row) => Math.max(last, row.position + 1), 0),
          },
        ]);
        return true;
      });
    } finally {
      if (!added) await this.deps.objects.delete([key]).catch(() => undefined);
    }
    return added;
  }
}
