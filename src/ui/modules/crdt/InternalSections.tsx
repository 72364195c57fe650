/** Renders a copy's internal-state sections (internalState.ts) as labelled lists; the card limits their length, the inspector does not. */
import type { InternalSection } from './internalState';

export function InternalSections({ sections, limit, testIdPrefix }: { sections: readonly InternalSection[]; limit?: number; testIdPrefix: string }) {
  return (
    <>
      {sections.map((section) => {
        const shown = limit === undefined ? section.items : section.items.slice(0, limit);
        const hidden = section.items.length - shown.length;
        return (
          <div key={section.key} className="crdt-internal__section" data-testid={`${testIdPrefix}-${section.key}`}>
            <div className="crdt-internal__title">{section.title}</div>
            {section.items.length === 0 ? (
              <div className="crdt-internal__empty">{section.empty}</div>
            ) : (
              <dl className="crdt-internal__list">
                {shown.map((item, index) => (
                  <div key={`${index}:${item.label}`} className="crdt-internal__item">
                    <dt>{item.label}</dt>
                    <dd>{item.detail}</dd>
                  </div>
                ))}
                {hidden > 0 && <div className="crdt-internal__more">and {hidden} more (see the inspector)</div>}
              </dl>
            )}
          </div>
        );
      })}
    </>
  );
}
