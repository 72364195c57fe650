/**
 * Records one chart sample per frame into the store while mounted: the run's counters plus
 * the module's figures (ModuleView.chartSeries). Subscribes to the store directly rather
 * than through React, so no frame is missed when rendering lags behind.
 */
import { useEffect } from 'react';
import { useLabStore } from '../../store/LabContext';
import { moduleView } from '../../modules';
import { recordSample, sampleFrame } from './chartHistory';

export function useChartRecorder(): void {
  const store = useLabStore();
  useEffect(() => {
    const record = (): void => {
      const state = store.getState();
      if (state.frame === null) return;
      const samples = recordSample(state.chartSamples, sampleFrame(state.frame, moduleView(state.frame.module).chartSeries));
      if (samples !== state.chartSamples) store.setState({ chartSamples: samples });
    };
    record();
    return store.subscribe((state, previous) => {
      if (state.frame !== previous.frame || state.chartSamples !== previous.chartSamples) record();
    });
  }, [store]);
}
