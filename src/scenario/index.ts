/** The scenario boundary: validation, migration and the URL codec. Used by the UI, the worker and the CLI. */
export { parseScenario, parseScenarioJson, MAXIMUM_SCENARIO_CHARACTERS } from './parse';
export { encodeScenarioHash, decodeLocationHash, decodeScenarioData, exampleScenarioUrl, DEFAULT_EXAMPLE, type LocationRequest } from './url';
export { formatProblems, fieldName, type ScenarioProblem, type ParseResult } from './problems';
