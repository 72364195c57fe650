/** Registers every module that ships with Faultline. Importing the engine imports this. */
import { registerModule } from './registry';
import { pingModule } from '../testing/ping';
import { crdtModule } from './crdt/module';
import { raftModule } from './raft/module';

registerModule(pingModule);
registerModule(raftModule);
registerModule(crdtModule);
