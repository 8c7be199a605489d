import './apm';
import { runComposedService } from '@showroom/server-kit';
import { composeInventory } from './app';
import { loadInventoryConfig } from './config';

runComposedService('inventory', loadInventoryConfig, composeInventory);
