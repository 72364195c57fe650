/**
 * Scenario settings: module, seed (with "New seed"), node count, and the module's
 * parameters, variants and workload, plus network defaults — controls generated from the
 * module's ParameterSpecs. A change is validated like a URL or file; when valid it starts a
 * new run through the address (#s=…), otherwise the problem appears next to the field and
 * the current run stays.
 */
import { useId, useMemo, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { findModule, type ParameterSpec } from '../../../engine/index';
import type { Scenario } from '../../../worker/api';
import { useLab, useLabController } from '../../store/LabContext';
import {
  SECTION_TITLES,
  applySettingsChange,
  availableModules,
  fieldValue,
  nodeRange,
  problemsByField,
  randomSeed,
  settingsFields,
  validateSettings,
  valueFromText,
  type SettingsChange,
  type SettingsField,
  type SettingsSection,
} from './settingsModel';

interface Draft {
  scenario: Scenario;
  problems: Map<string, string[]>;
}

const SECTIONS: readonly SettingsSection[] = ['params', 'variants', 'workload', 'network'];

export function SettingsPanel() {
  const opened = useLab((state) => state.openedScenario);
  if (opened === null) return <p className="settings__note">Open a scenario first; its settings appear here.</p>;
  // Keyed by the opened scenario: a new run resets every box to what now runs.
  return <SettingsForm key={JSON.stringify(opened)} opened={opened} />;
}

function SettingsForm({ opened }: { opened: Scenario }) {
  const controller = useLabController();
  const [draft, setDraft] = useState<Draft>({ scenario: opened, problems: new Map() });
  const module = findModule(draft.scenario.module);
  const fields = useMemo(() => (module === undefined ? null : settingsFields(module)), [module]);
  const controlKeys = useMemo(() => new Set(['module', 'seed', 'nodes', ...SECTIONS.flatMap((section) => fields?.[section].map((field) => field.key) ?? [])]), [fields]);

  const commit = (change: SettingsChange, changedKey: string) => {
    const candidate = applySettingsChange(draft.scenario, change);
    const result = validateSettings(candidate);
    if (result.ok) {
      setDraft({ scenario: candidate, problems: new Map() });
      controller.openScenario(result.scenario);
    } else {
      setDraft({ scenario: candidate, problems: problemsByField(result.errors, controlKeys, changedKey) });
    }
  };
  const problemsOf = (key: string) => draft.problems.get(key) ?? [];

  return (
    <form className="settings" data-testid="settings" onSubmit={(event) => event.preventDefault()} noValidate>
      <p className="settings__note">Every change starts a new run and updates the address, so the link always reproduces it.</p>
      <fieldset className="settings__group">
        <legend>Run</legend>
        <Control label="Module" problems={problemsOf('module')} testId="settings-module">
          {(props) => (
            <select {...props} value={draft.scenario.module} onChange={(event) => commit({ kind: 'module', module: event.target.value }, 'module')}>
              {availableModules().map((candidate) => (
                <option key={candidate.name} value={candidate.name}>
                  {candidate.title}
                </option>
              ))}
            </select>
          )}
        </Control>
        <SeedControl seed={draft.scenario.seed} problems={problemsOf('seed')} onCommit={(seed) => commit({ kind: 'seed', seed }, 'seed')} />
        {module !== undefined && (
          <Control label="Servers" hint={`${nodeRange(module).minimum} … ${nodeRange(module).maximum}`} problems={problemsOf('nodes')} testId="settings-nodes">
            {(props) => (
              <NumberBox {...props} value={draft.scenario.nodes} minimum={nodeRange(module).minimum} maximum={nodeRange(module).maximum} step={1} onCommit={(text) => commit({ kind: 'nodes', nodes: Number(text) }, 'nodes')} />
            )}
          </Control>
        )}
      </fieldset>
      {fields !== null &&
        SECTIONS.filter((section) => fields[section].length > 0).map((section) => (
          <fieldset key={section} className="settings__group">
            <legend>{SECTION_TITLES[section]}</legend>
            {fields[section].map((field) => (
              <ParameterControl key={field.key} field={field} value={fieldValue(draft.scenario, field)} problems={problemsOf(field.key)} onCommit={(value) => commit({ kind: 'value', section, name: field.name, value }, field.key)} />
            ))}
          </fieldset>
        ))}
    </form>
  );
}

interface ControlProps {
  id: string;
  'data-testid': string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** A labelled control with its range hint and, when validation failed, the problem right under it. */
function Control({ label, hint, description, problems, testId, children }: { label: string; hint?: string; description?: string; problems: readonly string[]; testId: string; children: (props: ControlProps) => ReactNode }) {
  const id = useId();
  const problemId = `${id}-problem`;
  return (
    <div className={`settings__control${problems.length > 0 ? ' settings__control--invalid' : ''}`}>
      <label htmlFor={id} className="settings__label">
        <span>{label}</span>
        {hint !== undefined && <span className="settings__hint">{hint}</span>}
      </label>
      {children({ id, 'data-testid': testId, 'aria-invalid': problems.length > 0, 'aria-describedby': problems.length > 0 ? problemId : undefined })}
      {description !== undefined && <p className="settings__description">{description}</p>}
      {problems.length > 0 && (
        <p id={problemId} className="settings__problem" role="alert" data-testid={`${testId}-problem`}>
          {problems.join('; ')}
        </p>
      )}
    </div>
  );
}

function SeedControl({ seed, problems, onCommit }: { seed: number; problems: readonly string[]; onCommit: (seed: number) => void }) {
  return (
    <Control label="Seed" hint="0 … 4294967295" problems={problems} testId="settings-seed">
      {(props) => (
        <div className="settings__row">
          <NumberBox {...props} value={seed} minimum={0} maximum={4294967295} step={1} onCommit={(text) => onCommit(Number(text))} />
          <button type="button" className="button" data-testid="settings-new-seed" onClick={() => onCommit(randomSeed(() => crypto.getRandomValues(new Uint32Array(1))[0] ?? 0))}>
            New seed
          </button>
        </div>
      )}
    </Control>
  );
}

function ParameterControl({ field, value, problems, onCommit }: { field: SettingsField; value: string | number | boolean; problems: readonly string[]; onCommit: (value: string | number | boolean | undefined) => void }) {
  const spec: ParameterSpec = field.spec;
  const testId = `settings-${field.section}-${field.name}`;
  const hint = spec.kind === 'integer' || spec.kind === 'number' ? `${spec.minimum} … ${spec.maximum}${spec.unit === undefined ? '' : ` ${spec.unit}`}` : undefined;
  return (
    <Control label={spec.label} hint={hint} description={spec.description} problems={problems} testId={testId}>
      {(props) => {
        switch (spec.kind) {
          case 'boolean':
            return <input {...props} type="checkbox" className="settings__checkbox" checked={value === true} onChange={(event) => onCommit(event.target.checked)} />;
          case 'choice':
            return (
              <select {...props} value={String(value)} onChange={(event) => onCommit(event.target.value)}>
                {spec.options.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            );
          case 'text':
            return <TextBox {...props} value={String(value)} maximumLength={spec.maximumLength} onCommit={(text) => onCommit(valueFromText(spec, text))} />;
          case 'integer':
          case 'number':
            return <NumberBox {...props} value={Number(value)} minimum={spec.minimum} maximum={spec.maximum} step={spec.kind === 'integer' ? 1 : 'any'} onCommit={(text) => onCommit(valueFromText(spec, text))} />;
        }
      }}
    </Control>
  );
}

/** A number box that commits on Enter or when focus leaves it, not on every keystroke (each commit starts a run). */
function NumberBox({ value, minimum, maximum, step, onCommit, ...props }: ControlProps & { value: number; minimum: number; maximum: number; step: number | 'any'; onCommit: (text: string) => void }) {
  return <CommitBox {...props} type="number" inputMode="decimal" min={minimum} max={maximum} step={step} initial={Number.isFinite(value) ? String(value) : ''} onCommit={onCommit} />;
}

function TextBox({ value, maximumLength, onCommit, ...props }: ControlProps & { value: string; maximumLength: number; onCommit: (text: string) => void }) {
  return <CommitBox {...props} type="text" maxLength={maximumLength} initial={value} onCommit={onCommit} />;
}

function CommitBox({ initial, onCommit, ...props }: ControlProps & InputHTMLAttributes<HTMLInputElement> & { initial: string; onCommit: (text: string) => void }) {
  const [text, setText] = useState(initial);
  const [committed, setCommitted] = useState(initial);
  const commitIfChanged = () => {
    if (text === committed) return;
    setCommitted(text);
    onCommit(text);
  };
  return (
    <input
      {...props}
      className="settings__input"
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={commitIfChanged}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commitIfChanged();
        }
      }}
    />
  );
}
