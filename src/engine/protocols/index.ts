/** Registers every module that ships with Faultline. Importing the engine imports this. */
import { registerModule } from './registry';
import { pingModule } from '../testing/ping';

registerModule(pingModule);
