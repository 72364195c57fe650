/**
 * The structural schema of a scenario document (version 1), in zod. It checks shapes,
 * types and ranges that do not depend on the module; module.ts then checks what does
 * (parameters, node ids, module actions) against the module's declarative specs.
 */
import { z } from 'zod';

const MAXIMUM_ACTIONS = 10_000;
const MAXIMUM_TIME_MS = 1_000_000_000;

const time = z.number().finite().min(0, 'must be at least 0').max(MAXIMUM_TIME_MS, `must be at most ${MAXIMUM_TIME_MS} ms`);
const milliseconds = z.number().finite().min(0, 'must be at least 0 ms').max(600_000, 'must be at most 600000 ms');
const ratio = z.number().finite().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const nodeReference = z.string().min(1, 'must name a node').max(64, 'must be at most 64 characters');
const parameterValues = z.record(z.string().max(64), z.union([z.number().finite(), z.boolean(), z.string().max(10_000)]));

const linkSettings = {
  latencyMs: milliseconds.optional(),
  jitterMs: milliseconds.optional(),
  lossRatio: ratio.optional(),
  duplicationRatio: ratio.optional(),
  reorderRatio: ratio.optional(),
};

const timing = {
  at: time,
  afterEvent: z.number().int().min(0).optional(),
};

const node = { ...timing, node: nodeReference };
const link = { ...timing, from: nodeReference, to: nodeReference };

/** Engine actions, strict: an unknown field is a typo worth reporting. */
export const engineActionSchemas = {
  crash: z.strictObject({ type: z.literal('crash'), ...node }),
  restart: z.strictObject({ type: z.literal('restart'), ...node }),
  pause: z.strictObject({ type: z.literal('pause'), ...node }),
  resume: z.strictObject({ type: z.literal('resume'), ...node }),
  'skew-clock': z.strictObject({
    type: z.literal('skew-clock'),
    ...node,
    skewMs: z.number().finite().min(-3_600_000).max(3_600_000),
    driftPpm: z.number().int().min(-500_000, 'must be at least -500000 ppm').max(1_000_000, 'must be at most 1000000 ppm').optional(),
  }),
  timeout: z.strictObject({ type: z.literal('timeout'), ...node }),
  partition: z.strictObject({ type: z.literal('partition'), ...timing, groups: z.array(z.array(nodeReference).max(100)).min(1).max(100) }),
  isolate: z.strictObject({ type: z.literal('isolate'), ...node }),
  cut: z.strictObject({ type: z.literal('cut'), ...link, oneWay: z.boolean().optional() }),
  repair: z.strictObject({ type: z.literal('repair'), ...link, oneWay: z.boolean().optional() }),
  heal: z.strictObject({ type: z.literal('heal'), ...timing }),
  hold: z.strictObject({ type: z.literal('hold'), ...link }),
  release: z.strictObject({ type: z.literal('release'), ...link }),
  deliver: z.strictObject({ type: z.literal('deliver'), ...timing, message: z.number().int().min(1) }),
  drop: z.strictObject({ type: z.literal('drop'), ...timing, message: z.number().int().min(1) }),
  duplicate: z.strictObject({ type: z.literal('duplicate'), ...timing, message: z.number().int().min(1) }),
  network: z.strictObject({ type: z.literal('network'), ...timing, from: nodeReference.optional(), to: nodeReference.optional(), ...linkSettings }),
  client: z.strictObject({ type: z.literal('client'), ...timing, node: nodeReference.optional(), request: parameterValues }),
} as const;

/** A module action: its own fields are checked against the module's spec afterwards. */
export const moduleActionSchema = z.looseObject({
  type: z.string().min(1).max(64),
  ...timing,
  node: nodeReference.optional(),
});

export const scenarioSchema = z.strictObject({
  version: z.number().int('must be an integer').min(1, 'must be at least 1'),
  module: z.string().min(1, 'must name a module').max(64),
  title: z.string().max(200, 'must be at most 200 characters').optional(),
  description: z.string().max(5_000, 'must be at most 5000 characters').optional(),
  seed: z.number().int('must be an integer').min(0, 'must be at least 0').max(0xffffffff, 'must be at most 4294967295'),
  nodes: z.number().int('must be an integer').min(1, 'must be at least 1').max(1_000, 'must be at most 1000'),
  params: parameterValues.optional(),
  variants: parameterValues.optional(),
  workload: parameterValues.optional(),
  network: z
    .strictObject({
      ...linkSettings,
      links: z.array(z.strictObject({ from: nodeReference, to: nodeReference, ...linkSettings })).max(10_000).optional(),
    })
    .optional(),
  schedule: z.array(z.looseObject({ type: z.string() })).max(MAXIMUM_ACTIONS, `must hold at most ${MAXIMUM_ACTIONS} actions`).optional(),
  engine: z
    .strictObject({
      checkpointEvery: z.number().int().min(100).max(10_000_000).optional(),
      traceLimit: z.number().int().min(1_000).max(10_000_000).optional(),
      checkpointLimit: z.number().int().min(8).max(100_000).optional(),
      pauseOnViolation: z.boolean().optional(),
      livenessBoundMs: z.number().finite().min(1).max(MAXIMUM_TIME_MS).optional(),
      queueLimit: z.number().int().min(1_000).max(100_000_000).optional(),
      historyLimit: z.number().int().min(100).max(10_000_000).optional(),
    })
    .optional(),
  viewAtMs: time.optional(),
});
