/**
 * Records one chart sample per frame into the store while mounted: the run's counters plus
 * the module's figures (ModuleView.chartSeries). The sample joins the store update that
 * brought the frame (deriveOnUpdate) rather than following it as a second update, which
 * would run every component's selector twice per frame; and no frame is missed when
 * rendering lags behind.
 */
import { useEffect } from 'react';
import { useLabStore } from '../../store/LabContext';
import { deriveOnUpdate } from '../../store/derivedFields';
import type { LabState } from '../../store/labStore';
import { moduleView } from '../../modules';
import { recordSample, sampleFrame } from './chartHistory';

export function useChartRecorder(): void {
  const store = useLabStore();
  useEffect(() => {
    const stop = deriveOnUpdate(store, (next, previous) => (next.frame !== previous.frame || next.chartSamples !== previous.chartSamples ? samplesWithFrame(next) : null));
    // The frame already shown when the recorder mounts.
    const current = samplesWithFrame(store.getState());
    if (current !== null) store.setState(current);
    return stop;
  }, [store]);
}

/** The samples with the state's frame recorded, or null when nothing is added. */
function samplesWithFrame(state: LabState): Pick<LabState, 'chartSamples'> | null {
  if (state.frame === null) return null;
  const samples = recordSample(state.chartSamples, sampleFrame(state.frame, moduleView(state.frame.module).chartSeries));
  return samples === state.chartSamples ? null : { chartSamples: samples };
}
