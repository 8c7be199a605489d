export { AdfError } from './lib/adf-error';
export type {
  AdfExport,
  AdfExportFinance,
  AdfExportShopper,
  AdfExportTradeIn,
  AdfExportVehicle,
} from './lib/adf-export';
export { adfFromEmail } from './lib/adf-from-email';
export { buildAdf } from './lib/build-adf';
export { DEFAULT_MAX_BYTES } from './lib/input-guard';
export { parseAdf } from './lib/parse-adf';
export { parseAdfBytes, type ParseAdfBytesOptions } from './lib/parse-adf-bytes';
export { TYPICAL_ADF_SAMPLE } from './lib/typical-sample';
export type * from './lib/types';
