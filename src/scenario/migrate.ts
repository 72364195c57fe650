/**
 * Scenario versions. Each migration takes a document of version N to version N + 1, so any
 * older scenario (a link shared long ago) opens in this build. Version 1 is the first
 * published format, so there is no migration yet; the next format change adds one here.
 */
import { SCENARIO_VERSION } from '../engine';
import type { ScenarioProblem } from './problems';

type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/** migrations[N] upgrades version N to N + 1. */
const migrations: Record<number, Migration> = {};

export function migrate(document: Record<string, unknown>): { document: Record<string, unknown> } | { error: ScenarioProblem } {
  let version = document.version;
  if (version === undefined) return { error: { field: 'version', problem: `is required (the current format is version ${SCENARIO_VERSION})` } };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { error: { field: 'version', problem: 'must be a positive integer' } };
  }
  if (version > SCENARIO_VERSION) {
    return { error: { field: 'version', problem: `${version} is newer than this build understands (${SCENARIO_VERSION}); open it in a newer Faultline` } };
  }
  let current = document;
  while (version < SCENARIO_VERSION) {
    const step = migrations[version];
    if (step === undefined) return { error: { field: 'version', problem: `no migration from version ${version}` } };
    current = step(current);
    version++;
  }
  return { document: { ...current, version: SCENARIO_VERSION } };
}
