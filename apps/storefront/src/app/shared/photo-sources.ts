import type { PhotoVariantUrls } from '@showroom/contracts';

// Photo variant widths (PHOTO_VARIANTS in the contract); heights vary, so boxes are 4:3 and the
// photo is fitted inside, which keeps the layout from shifting while photos load.
const WIDTHS = { thumbnail: 320, card: 800, full: 1920 } as const satisfies Record<
  keyof PhotoVariantUrls,
  number
>;

export interface PhotoSources {
  webp: string;
  jpeg: string;
  /** Fallback src for browsers without srcset. */
  src: string;
}

export function photoSources(
  photo: PhotoVariantUrls,
  largest: keyof PhotoVariantUrls = 'full',
): PhotoSources {
  const variants = (Object.keys(WIDTHS) as (keyof PhotoVariantUrls)[]).filter(
    (variant) => WIDTHS[variant] <= WIDTHS[largest],
  );
  const srcset = (format: 'webp' | 'jpeg') =>
    variants.map((variant) => `${photo[variant][format]} ${WIDTHS[variant]}w`).join(', ');
  return { webp: srcset('webp'), jpeg: srcset('jpeg'), src: photo.card.jpeg };
}
