/**
 * The client panel: send a put, get, append or compare-and-set to a client node (which finds
 * the leader through redirects and retries, and whose operations enter the history the
 * linearizability checker reads) or propose it directly at a server. It also shows the
 * run's read path and restarts the run with another one (a new scenario in the address).
 */
import { useId, useState, type FormEvent } from 'react';
import { useLab, useLabController } from '../../store/LabContext';
import { OPERATIONS, READ_PATHS, READ_PATH_TEXT, clientAction, describeForm, readPathOf, type ClientForm, type Operation, type ReadPath } from './clientRequest';

export function ClientPanel() {
  return (
    <div className="raft-client-panel" data-testid="raft-client-panel">
      <SendForm />
      <ReadPathChooser />
    </div>
  );
}

function useTargets(): { clients: string[]; servers: string[] } {
  const ids = useLab((state) => (state.frame === null ? '' : state.frame.nodes.map((node) => `${node.kind}:${node.id}`).join(',')));
  const clients: string[] = [];
  const servers: string[] = [];
  for (const entry of ids === '' ? [] : ids.split(',')) {
    const [kind, id] = entry.split(':') as [string, string];
    (kind === 'client' ? clients : servers).push(id);
  }
  return { clients, servers };
}

function SendForm() {
  const controller = useLabController();
  const ready = useLab((state) => state.status === 'ready' && state.frame !== null);
  const { clients, servers } = useTargets();
  const id = useId();
  const [form, setForm] = useState<ClientForm>({ target: '', f: 'put', key: 'x', value: '1', expected: '' });
  const [message, setMessage] = useState<{ tone: 'info' | 'problem'; text: string } | null>(null);
  const target = form.target !== '' && [...clients, ...servers, '@leader'].includes(form.target) ? form.target : (clients[0] ?? '@leader');
  const change = (field: keyof ClientForm) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filled = { ...form, target };
    const built = clientAction(filled);
    if (!built.ok) return setMessage({ tone: 'problem', text: built.problem });
    void controller.apply(built.action);
    setMessage({ tone: 'info', text: `Sent ${describeForm(filled)} to ${target === '@leader' ? 'the leader' : target}.` });
  };
  return (
    <form className="raft-form" onSubmit={submit} aria-label="Send a client operation">
      <label htmlFor={`${id}-target`}>Send to</label>
      <select id={`${id}-target`} value={target} onChange={change('target')} data-testid="raft-client-target">
        {clients.length > 0 && (
          <optgroup label="Clients (find the leader, retry)">
            {clients.map((client) => (
              <option key={client} value={client}>
                {client}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label="Servers (propose directly)">
          <option value="@leader">the leader</option>
          {servers.map((server) => (
            <option key={server} value={server}>
              {server}
            </option>
          ))}
        </optgroup>
      </select>
      <label htmlFor={`${id}-operation`}>Operation</label>
      <select id={`${id}-operation`} value={form.f} onChange={(event) => setForm({ ...form, f: event.target.value as Operation })} data-testid="raft-client-operation">
        {OPERATIONS.map((operation) => (
          <option key={operation} value={operation}>
            {operation}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-key`}>Key</label>
      <input id={`${id}-key`} value={form.key} onChange={change('key')} maxLength={64} autoComplete="off" spellCheck={false} data-testid="raft-client-key" />
      {form.f !== 'get' && (
        <>
          <label htmlFor={`${id}-value`}>{form.f === 'cas' ? 'New value' : form.f === 'append' ? 'Suffix' : 'Value'}</label>
          <input id={`${id}-value`} value={form.value} onChange={change('value')} maxLength={200} autoComplete="off" spellCheck={false} data-testid="raft-client-value" />
        </>
      )}
      {form.f === 'cas' && (
        <>
          <label htmlFor={`${id}-expected`}>Expected</label>
          <input id={`${id}-expected`} value={form.expected} onChange={change('expected')} maxLength={200} placeholder="empty = absent" autoComplete="off" spellCheck={false} data-testid="raft-client-expected" />
        </>
      )}
      <button type="submit" className="button button--primary raft-form__send" disabled={!ready} data-testid="raft-client-send">
        Send
      </button>
      <p className={`raft-form__message${message?.tone === 'problem' ? ' raft-form__message--problem' : ''}`} role="status" aria-live="polite" data-testid="raft-client-message">
        {message?.text ?? ''}
      </p>
    </form>
  );
}

function ReadPathChooser() {
  const controller = useLabController();
  const scenario = useLab((state) => state.openedScenario);
  const current = scenario === null ? null : readPathOf(scenario.variants);
  const [chosen, setChosen] = useState<ReadPath | null>(null);
  const id = useId();
  if (scenario === null || current === null) return null;
  const selected = chosen ?? current;
  const restart = () => controller.openScenario({ ...scenario, variants: { ...scenario.variants, readPath: selected } });
  return (
    <div className="raft-read-path" data-testid="raft-read-path" data-read-path={current}>
      <p className="raft-read-path__current">
        Reads go <strong>{READ_PATH_TEXT[current]}</strong>.
      </p>
      <div className="raft-read-path__change">
        <label htmlFor={`${id}-path`}>Read path</label>
        <select id={`${id}-path`} value={selected} onChange={(event) => setChosen(event.target.value as ReadPath)} data-testid="raft-read-path-select">
          {READ_PATHS.map((path) => (
            <option key={path} value={path}>
              {path}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={selected === current} onClick={restart} data-testid="raft-read-path-restart" title="Start the run again from the beginning with this read path">
          Restart run
        </button>
      </div>
    </div>
  );
}
