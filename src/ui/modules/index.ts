/**
 * Registers every module's views. Importing the app imports this. Add one line per module:
 *   registerModuleView('raft', raftView);
 * Modules without a line here are drawn by the generic view.
 */
export { moduleView, registerModuleView, type ModuleView, type ModulePanel, type ModuleShortcut, type ModuleShortcutContext, type NodeCardProps } from './registry';

import { registerModuleView } from './registry';
import { raftView } from './raft';
import { crdtView } from './crdt';

registerModuleView('raft', raftView);
registerModuleView('crdt', crdtView);
