/**
 * Issuing a CRDT operation at a replica: a client action addressed to that node, applied at
 * the current virtual time (the engine stamps `at` itself), so it is recorded in the
 * scenario and replays exactly. The request fields are the module's (op, element, amount,
 * value, text, position, price; see protocols/crdt/module.ts).
 */
import { useCallback } from 'react';
import { useLabController } from '../../store/LabContext';

export type CrdtRequest = Record<string, string | number>;

/** Assignable both to an engine Action and to a shortcut's plain action record. */
export type ClientAction = { type: 'client'; node: string; request: CrdtRequest; at: number };

export function clientAction(nodeId: string, request: CrdtRequest): ClientAction {
  return { type: 'client', node: nodeId, request, at: 0 };
}

export function useIssueOperation(nodeId: string): (request: CrdtRequest) => void {
  const controller = useLabController();
  return useCallback((request: CrdtRequest) => void controller.apply(clientAction(nodeId, request)), [controller, nodeId]);
}
