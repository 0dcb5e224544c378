import type { StateCreator } from 'zustand';
import type { AppState } from '../../app/store/types';

export interface MeasurementInput {
  indicatorId: string;
  periodStart: string;
  value: number;
  respondents: number | null;
  note: string;
}

export interface IndicatorsSlice {
  recordMeasurement: (input: MeasurementInput) => boolean;
}

/** Measurements go through the same optimistic queue as card changes. */
export const createIndicatorsSlice: StateCreator<AppState, [], [], IndicatorsSlice> = (_set, get) => ({
  recordMeasurement: (input) => get().issue('measurement:record', input),
});
