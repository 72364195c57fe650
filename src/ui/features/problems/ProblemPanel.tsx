/**
 * What is wrong with the input the lab was asked to open, field by field. Everything from
 * the input is rendered as React text (escaped), never as markup. The way out is always
 * one click: the default scenario.
 */
import { useLab, useLabController } from '../../store/LabContext';

export function ProblemPanel() {
  const controller = useLabController();
  const report = useLab((state) => state.problems);
  const hasRun = useLab((state) => state.frame !== null);
  if (report === null) return null;
  return (
    <section className="problem-panel" role="alert" aria-labelledby="problem-panel-title" data-testid="problem-panel">
      <h2 id="problem-panel-title">{report.title}</h2>
      <ul className="problem-panel__list">
        {report.errors.map((error, index) => (
          <li key={index} data-testid="problem">
            <code className="problem-panel__field">{error.field}</code> <span>{error.problem}</span>
          </li>
        ))}
      </ul>
      <div className="problem-panel__actions">
        <button type="button" className="button button--primary" data-testid="open-default" onClick={() => controller.openDefault()}>
          Open the default scenario
        </button>
        {hasRun && (
          <button type="button" className="button" onClick={() => controller.dismissProblems()}>
            Back to the current run
          </button>
        )}
      </div>
    </section>
  );
}
