/** The replicated data types by name. */
import type { CrdtType, CrdtTypeName } from './common';
import { gCounter } from './gCounter';
import { lwwRegister } from './lwwRegister';
import { mvRegister } from './mvRegister';
import { orMap } from './orMap';
import { orSet } from './orSet';
import { pnCounter } from './pnCounter';
import { rga } from './rga';

// Each type is generic over its own payload; the replica layer handles them as plain data.
const TYPES: Record<CrdtTypeName, CrdtType> = {
  'g-counter': gCounter as unknown as CrdtType,
  'pn-counter': pnCounter as unknown as CrdtType,
  'lww-register': lwwRegister as unknown as CrdtType,
  'mv-register': mvRegister as unknown as CrdtType,
  'or-set': orSet as unknown as CrdtType,
  'or-map': orMap as unknown as CrdtType,
  rga: rga as unknown as CrdtType,
};

export function crdtType(name: CrdtTypeName): CrdtType {
  return TYPES[name];
}

export { CRDT_TYPE_NAMES, OPERATION_NAMES } from './common';
export type { CrdtOperation, CrdtType, CrdtTypeName, OperationName, OperationOrigin } from './common';
