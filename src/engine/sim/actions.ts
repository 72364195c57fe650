/**
 * The fault vocabulary: maps each Action onto the world's primitives. Node arguments are
 * resolved here, so "@leader" means whichever node the module's selector names at the
 * moment the action applies. An action that cannot apply (no leader, a message that already
 * arrived) is recorded in the trace as skipped; it never throws for the user's input.
 */
import { millisecondsToMicroseconds } from '../core/time';
import type { ParameterValues } from '../parameters';
import type { Action, EngineAction, LinkSettingsInput, ModuleAction } from '../scenario/types';
import { isEngineAction } from '../scenario/types';
import { applyLinkInput } from './network';
import type { NodeRuntime } from './node';
import { crashNode, forceTimeout, pauseNode, restartNode, resumeNode, skewClock } from './lifecycle';
import type { World } from './world';

/** Returns the index of a node whose protocol stepped (so checkers look at it), or -1. */
export function applyAction(world: World, action: Action): number {
  if (isEngineAction(action)) return applyEngineAction(world, action);
  return applyModuleAction(world, action as ModuleAction);
}

export function resolveNode(world: World, reference: string): NodeRuntime | string {
  if (reference.startsWith('@')) {
    const selector = world.module.selectors[reference.slice(1)];
    if (selector === undefined) return `unknown selector ${reference}`;
    const id = selector(world.view);
    if (id === null) return `${reference} matches no node`;
    reference = id;
  }
  const index = world.nodeIndex.get(reference);
  return index === undefined ? `unknown node ${reference}` : (world.nodes[index] as NodeRuntime);
}

function fault(world: World, node: string, detail: string): void {
  world.traceEvent('fault', node, null, 0, null, detail);
}

function withNode(world: World, reference: string, label: string, act: (node: NodeRuntime) => number): number {
  const node = resolveNode(world, reference);
  if (typeof node === 'string') {
    fault(world, reference, `${label} skipped: ${node}`);
    return -1;
  }
  return act(node);
}

function withLink(world: World, from: string, to: string, label: string, act: (from: NodeRuntime, to: NodeRuntime) => void): number {
  const source = resolveNode(world, from);
  const target = resolveNode(world, to);
  if (typeof source === 'string' || typeof target === 'string') {
    fault(world, from, `${label} ${from}→${to} skipped: ${typeof source === 'string' ? source : target}`);
    return -1;
  }
  act(source, target);
  fault(world, source.id, `${label} ${source.id}→${target.id}`);
  return -1;
}

function applyEngineAction(world: World, action: EngineAction): number {
  switch (action.type) {
    case 'crash':
      return withNode(world, action.node, 'crash', (node) => (fault(world, node.id, crashNode(world, node)), -1));
    case 'restart':
      return withNode(world, action.node, 'restart', (node) => (fault(world, node.id, restartNode(world, node)), node.index));
    case 'pause':
      return withNode(world, action.node, 'pause', (node) => (fault(world, node.id, pauseNode(node)), -1));
    case 'resume':
      return withNode(world, action.node, 'resume', (node) => (fault(world, node.id, resumeNode(world, node)), -1));
    case 'skew-clock':
      return withNode(world, action.node, 'skew-clock', (node) => {
        fault(world, node.id, skewClock(node, millisecondsToMicroseconds(action.skewMs), action.driftPpm ?? 0));
        return -1;
      });
    case 'timeout':
      return withNode(world, action.node, 'timeout', (node) => {
        const { detail, stepped } = forceTimeout(world, node);
        fault(world, node.id, detail);
        return stepped ? node.index : -1;
      });
    case 'partition':
      return partition(world, action.groups);
    case 'isolate':
      return withNode(world, action.node, 'isolate', (node) => {
        for (const other of world.nodes) {
          world.network.setCut(node.index, other.index, true);
          world.network.setCut(other.index, node.index, true);
        }
        fault(world, node.id, 'isolated');
        return -1;
      });
    case 'cut':
    case 'repair': {
      const cut = action.type === 'cut';
      return withLink(world, action.from, action.to, cut ? (action.oneWay ? 'cut one way' : 'cut') : 'repair', (from, to) => {
        world.network.setCut(from.index, to.index, cut);
        if (!action.oneWay) world.network.setCut(to.index, from.index, cut);
      });
    }
    case 'heal':
      return heal(world);
    case 'hold':
      return withLink(world, action.from, action.to, 'hold', (from, to) => world.network.setHeld(from.index, to.index, true));
    case 'release':
      return withLink(world, action.from, action.to, 'release', (from, to) => release(world, from.index, to.index));
    case 'deliver':
    case 'drop':
    case 'duplicate':
      return messageAction(world, action.type, action.message);
    case 'network':
      return setNetwork(world, action);
    case 'client':
      return clientRequest(world, action.node, action.request);
  }
}

function partition(world: World, groups: string[][]): number {
  // Nodes named in no group form one more group of their own.
  const groupOf = new Array<number>(world.nodes.length).fill(groups.length);
  groups.forEach((group, groupIndex) => {
    for (const reference of group) {
      const node = resolveNode(world, reference);
      if (typeof node !== 'string') groupOf[node.index] = groupIndex;
    }
  });
  for (const from of world.nodes) {
    for (const to of world.nodes) {
      if (groupOf[from.index] !== groupOf[to.index]) world.network.setCut(from.index, to.index, true);
    }
  }
  fault(world, '*', `partition ${groups.map((group) => group.join(',')).join(' | ')}`);
  return -1;
}

function heal(world: World): number {
  const released: Array<[number, number]> = [];
  for (const event of world.held) released.push([event.from, event.node]);
  world.network.healAll();
  for (const [from, to] of released) release(world, from, to);
  fault(world, '*', 'healed every link');
  return -1;
}

/** Releases a held link: what waited on it arrives now, in the order it arrived at the hold. */
function release(world: World, from: number, to: number): void {
  world.network.setHeld(from, to, false);
  const waiting = world.held.filter((event) => event.from === from && event.node === to);
  world.held = world.held.filter((event) => !(event.from === from && event.node === to));
  for (const event of waiting) world.requeue(event, world.now);
}

function messageAction(world: World, type: 'deliver' | 'drop' | 'duplicate', id: number): number {
  const event = world.findInFlight(id);
  if (event === undefined) {
    fault(world, '*', `${type} #${id} skipped: not in flight`);
    return -1;
  }
  const from = world.nodes[event.from] as NodeRuntime;
  const to = world.nodes[event.node] as NodeRuntime;
  if (type === 'duplicate') {
    const copyId = world.duplicateMessage(id, event.from, event.node, event.message, event.messageType);
    fault(world, from.id, `duplicated #${id} as #${copyId}`);
  } else if (type === 'drop') {
    world.takeInFlight(id);
    world.drop(from.id, to.id, id, event.messageType, 'dropped by hand');
  } else {
    world.takeInFlight(id);
    world.requeue(event, world.now, true);
    fault(world, to.id, `deliver #${id} now`);
  }
  return -1;
}

function setNetwork(world: World, action: Extract<EngineAction, { type: 'network' }>): number {
  const network = world.network;
  if (action.from === undefined || action.to === undefined) {
    network.state.defaults = applyLinkInput(network.state.defaults, action);
    fault(world, '*', `network defaults ${describeLink(action)}`);
    return -1;
  }
  return withLink(world, action.from, action.to, `network ${describeLink(action)}`, (from, to) => {
    const link = network.link(from.index, to.index);
    network.state.overrides[link] = applyLinkInput(network.settings(from.index, to.index), action);
  });
}

function describeLink(action: LinkSettingsInput): string {
  return ['latencyMs', 'jitterMs', 'lossRatio', 'duplicationRatio', 'reorderRatio']
    .filter((key) => action[key as keyof LinkSettingsInput] !== undefined)
    .map((key) => `${key}=${action[key as keyof LinkSettingsInput]}`)
    .join(' ');
}

function clientRequest(world: World, reference: string | undefined, request: ParameterValues): number {
  const target = reference ?? world.clientIds[0] ?? world.serverIds[0] ?? 'n1';
  return withNode(world, target, 'client request', (node) => {
    if (node.status !== 'up' || world.module.onClientRequest === undefined) {
      fault(world, node.id, `client request skipped: ${node.id} is ${node.status}`);
      return -1;
    }
    world.traceEvent('client', node.id, null, 0, null, `request ${JSON.stringify(request)}`);
    world.module.onClientRequest(node.state, request, node.context);
    return node.index;
  });
}

function applyModuleAction(world: World, action: ModuleAction): number {
  const { type, node: reference, at: _at, afterEvent: _afterEvent, ...rest } = action;
  const spec = world.module.actions[type];
  if (spec === undefined || world.module.onAction === undefined) {
    fault(world, '*', `${type} skipped: ${world.module.name} has no such action`);
    return -1;
  }
  return withNode(world, reference ?? world.serverIds[0] ?? 'n1', type, (node) => {
    if (node.status !== 'up') {
      fault(world, node.id, `${type} skipped: ${node.id} is ${node.status}`);
      return -1;
    }
    fault(world, node.id, `${type} ${JSON.stringify(rest)}`);
    world.module.onAction?.(node.state, type, rest as ParameterValues, node.context);
    return node.index;
  });
}
