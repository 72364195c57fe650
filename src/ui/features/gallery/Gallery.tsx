/**
 * Home: the example scenarios, grouped by module, each opening in one click. Titles and
 * descriptions come from a served file, so they are rendered as text only.
 */
import { useEffect, useState } from 'react';
import { findModule } from '../../../engine/index';
import { useLabController } from '../../store/LabContext';
import { GALLERY_INDEX_PATH, exampleHash, groupByModule, parseGalleryIndex, type GalleryEntry } from './galleryIndex';

type Catalogue = { status: 'loading' } | { status: 'loaded'; entries: GalleryEntry[] } | { status: 'failed'; reason: string };

export function Gallery({ onOpened }: { onOpened: () => void }) {
  const catalogue = useCatalogue();
  if (catalogue.status === 'loading') return <p className="gallery__note">Loading the examples…</p>;
  if (catalogue.status === 'failed') {
    return (
      <p className="gallery__note" role="alert">
        The list of examples could not be loaded ({catalogue.reason}).
      </p>
    );
  }
  return (
    <div className="gallery" data-testid="gallery">
      {groupByModule(catalogue.entries).map((group) => (
        <section key={group.module} className="gallery__group" aria-labelledby={`gallery-${group.module}`}>
          <h3 className="gallery__module" id={`gallery-${group.module}`}>
            {findModule(group.module)?.title ?? group.module}
          </h3>
          <ul className="gallery__list">
            {group.entries.map((entry) => (
              <li key={entry.name}>
                <ExampleCard entry={entry} onOpened={onOpened} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function ExampleCard({ entry, onOpened }: { entry: GalleryEntry; onOpened: () => void }) {
  const controller = useLabController();
  const hash = exampleHash(entry.name);
  // The drawer mounts afresh each time it opens, so reading the address at render is current enough.
  const isCurrent = window.location.hash === hash;
  return (
    <a
      className="gallery__card"
      href={hash}
      data-testid={`example-${entry.name}`}
      aria-current={isCurrent ? 'page' : undefined}
      onClick={() => {
        // The same address again fires no hashchange: reopen it from the start explicitly.
        if (window.location.hash === hash) void controller.openHash(hash);
        onOpened();
      }}
    >
      <span className="gallery__title">{entry.title}</span>
      <span className="gallery__description">{entry.description}</span>
      <code className="gallery__name">{entry.name}</code>
    </a>
  );
}

function useCatalogue(): Catalogue {
  const [catalogue, setCatalogue] = useState<Catalogue>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    const url = new URL(import.meta.env.BASE_URL + GALLERY_INDEX_PATH, window.location.href);
    fetch(url, { headers: { accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return parseGalleryIndex(await response.json());
      })
      .then(
        (entries) => current && setCatalogue({ status: 'loaded', entries }),
        (error: unknown) => current && setCatalogue({ status: 'failed', reason: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      current = false;
    };
  }, []);
  return catalogue;
}
