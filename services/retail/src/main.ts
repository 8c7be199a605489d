import './apm';
import { runComposedService } from '@showroom/server-kit';
import { composeRetail } from './app';
import { loadRetailConfig } from './config';

runComposedService('retail', loadRetailConfig, composeRetail);
