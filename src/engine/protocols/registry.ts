/**
 * The modules the engine knows by name. Modules register themselves in protocols/index.ts;
 * tests may register their own small protocols.
 */
import type { ProtocolModule } from '../protocol';

const modules = new Map<string, ProtocolModule>();

export function registerModule(module: ProtocolModule): void {
  modules.set(module.name, module);
}

export function findModule(name: string): ProtocolModule | undefined {
  return modules.get(name);
}

export function moduleNames(): string[] {
  return [...modules.keys()].sort();
}
