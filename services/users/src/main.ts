import './apm';
import { runComposedService } from '@showroom/server-kit';
import { composeUsers } from './app';
import { loadUsersConfig } from './config';

runComposedService('users', loadUsersConfig, composeUsers);
