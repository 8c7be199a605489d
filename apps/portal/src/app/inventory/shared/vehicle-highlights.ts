import type { Highlight, HighlightField, Vehicle } from '@showroom/contracts';

/** A run of a field's text; `match` runs are what the search matched. */
export type TextPart = Highlight['parts'][number];

/** A vehicle as search answers it: with the parts of each field the search text matched. */
export type HighlightedVehicle = Vehicle & { highlights?: readonly Highlight[] };

/** The fields a vehicle's title is made of, in the order dealers say them. */
const TITLE_FIELDS = ['year', 'make', 'model', 'trim'] as const satisfies readonly HighlightField[];

/** A field's text in parts: the search's highlight when it marked this field, else the plain value. */
export function fieldParts(vehicle: HighlightedVehicle, field: HighlightField): TextPart[] {
  const highlight = vehicle.highlights?.find((h) => h.field === field);
  if (highlight) return highlight.parts;
  const value = vehicle[field];
  return value === null || value === '' ? [] : [{ text: String(value), match: false }];
}

/** "2021 Toyota Camry SE" in parts, with what the search matched (`vehicleTitle`, highlighted). */
export function titleParts(vehicle: HighlightedVehicle): TextPart[] {
  const fields = TITLE_FIELDS.map((field) => fieldParts(vehicle, field)).filter((parts) => parts.length > 0);
  return fields.flatMap((parts, index) => (index === 0 ? parts : [{ text: ' ', match: false }, ...parts]));
}
