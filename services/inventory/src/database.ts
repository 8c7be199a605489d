import type { ColumnType, Generated } from 'kysely';
import type { VehicleCondition, VehicleStatus } from '@showroom/contracts';

export interface VehicleTable {
  id: string;
  dealership_id: string;
  vin: string;
  stock_number: string;
  vehicle_condition: VehicleCondition;
  year: number;
  make: string;
  model: string;
  trim: string | null;
  body_style: string | null;
  drivetrain: string | null;
  transmission: string | null;
  fuel_type: string | null;
  engine: string | null;
  exterior_color: string | null;
  interior_color: string | null;
  mileage: number;
  price_cents: number | null;
  msrp_cents: number | null;
  currency: string;
  status: VehicleStatus;
  description: string | null;
  published: ColumnType<boolean, boolean | undefined, boolean>;
  cost_cents: number | null;
  internal_notes: string | null;
  version: number;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** One row per vehicle write, in its transaction: the feed search indexes follow. */
export interface VehicleChangeTable {
  seq: Generated<number>;
  dealership_id: string;
  vehicle_id: string;
  changed_at: ColumnType<Date, Date | undefined, never>;
}

export interface InventoryDatabase {
  vehicles: VehicleTable;
  vehicle_changes: VehicleChangeTable;
}
