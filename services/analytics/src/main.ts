import './apm';
import { runComposedService } from '@showroom/server-kit';
import { composeAnalytics } from './compose';
import { loadAnalyticsConfig } from './config';

runComposedService('analytics', loadAnalyticsConfig, composeAnalytics);
