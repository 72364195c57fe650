/**
 * Import: a file picker in the header, and a drop zone covering the whole page (shown while
 * files are dragged over it). Both accept a scenario JSON file or an exported trace file.
 */
import { useEffect, useRef, useState } from 'react';
import { useImporter } from './useImporter';

export function ImportButton() {
  const importFile = useImporter();
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button" data-testid="import" onClick={() => inputRef.current?.click()}>
        Import
      </button>
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        className="import__file"
        tabIndex={-1}
        aria-label="Import a scenario or trace file"
        data-testid="import-file"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Cleared so that choosing the same file again still fires a change.
          event.currentTarget.value = '';
          if (file !== undefined) void importFile(file);
        }}
      />
    </>
  );
}

export function ImportDropZone() {
  const importFile = useImporter();
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    let depth = 0;
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser would open the file itself, leaving the lab.
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file !== undefined) void importFile(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [importFile]);

  if (!dragging) return null;
  return (
    <div className="import-drop" data-testid="import-drop" aria-hidden="true">
      <p>Drop a scenario or trace file to open it</p>
    </div>
  );
}
