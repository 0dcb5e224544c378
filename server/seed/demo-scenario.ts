import type { IndicatorProfile, Level } from './measurement-series';

/**
 * The story the demo's figures tell, kept apart from the organisation file (which holds only what an
 * administrator would type in) so the measurements can be tuned without touching the organisation.
 *
 * The psychiatry board's latest values are a deliberate mix — 9 green, 6 amber, 6 red — so the leadership grid,
 * the meeting agenda ("red first") and the deviation flow all have something to show. Series that start at a
 * different level than they end shift part-way, which the run charts' Anhøj rules will flag.
 */

/** How each indicator's numbers behave; denominators are per period for the whole psychiatry. */
export const INDICATOR_PROFILES: Readonly<Record<string, IndicatorProfile>> = {
  'baelte-andel': { min: 0, max: 100, denominator: 900 }, // admitted patients per month
  'baelte-48t': { min: 0, max: 40, noise: 0.4 },
  'tvang-personer': { min: 0, max: 300 },
  tvangsmedicin: { min: 0, max: 100 },
  'udredning-voksen': { min: 0, max: 100, denominator: 200 }, // finished assessments per fortnight
  'udredning-bu': { min: 0, max: 100, denominator: 120 },
  'ventetid-voksen': { min: 0, max: 365 },
  'ventetid-bu': { min: 0, max: 365 },
  'genindl-30': { min: 0, max: 100, denominator: 800 }, // discharges per month
  'opfoelg-7': { min: 0, max: 100, denominator: 370 }, // discharges per fortnight
  medicinafstem: { min: 0, max: 100, denominator: 410 }, // admissions per fortnight
  selvmordsrisiko: { min: 0, max: 100, denominator: 410 },
  'somatisk-screening': { min: 0, max: 100, denominator: 600 }, // patients with schizophrenia seen per month
  behandlingsplan: { min: 0, max: 100, denominator: 410 },
  // Occupied of available bed-days per fortnight (about 260 beds); misses are overbelægning, above the band.
  belaegning: { min: 0, max: 100, denominator: 3640, rangeSide: 'above' },
  udeblivelser: { min: 0, max: 100, denominator: 4600 }, // outpatient appointments per fortnight
  // LUP: a yearly national survey; about 1,100 patients and 500 relatives answer for the whole psychiatry.
  'lup-patient': { min: 0, max: 100, respondentsAsDenominator: true, surveyRespondents: [950, 1250] },
  'lup-paaroerende': { min: 0, max: 100, respondentsAsDenominator: true, surveyRespondents: [420, 560] },
  trivsel: { min: 1, max: 5 },
  sygefravaer: { min: 0, max: 100, denominator: 380_000, winterPeak: 0.5 }, // sick hours of normed hours
  // Spend of the periodised budget in 1000 kr.; over 100 % is an overspend, so the ceiling is above 100.
  budget: { min: 0, max: 130, denominator: 185_000, rangeSide: 'above', noise: 0.25 },
};

export interface UnitProfile {
  /** The unit's share of the psychiatry's volume (denominators). */
  volume: number;
  /** Usual respondents per period for soft indicators. */
  respondents: readonly [number, number];
  /** Few answers in July: small units' surveys collapse over the summer holidays. */
  summerDip: boolean;
}

export const UNIT_PROFILES: Readonly<Record<string, UnitProfile>> = {
  region: { volume: 1, respondents: [40, 60], summerDip: false },
  psyk: { volume: 1, respondents: [40, 60], summerDip: false },
  'k-nord': { volume: 0.4, respondents: [15, 40], summerDip: false },
  'k-syd': { volume: 0.35, respondents: [15, 40], summerDip: false },
  'k-bup': { volume: 0.25, respondents: [15, 40], summerDip: false },
  n1: { volume: 0.12, respondents: [8, 24], summerDip: true },
  n2: { volume: 0.06, respondents: [8, 20], summerDip: true },
  s1: { volume: 0.1, respondents: [8, 24], summerDip: true },
  s2: { volume: 0.15, respondents: [8, 24], summerDip: true },
  b1: { volume: 0.05, respondents: [8, 20], summerDip: true },
  b2: { volume: 0.12, respondents: [8, 24], summerDip: true },
};

/** One indicator on one unit's board, with its own series. */
export interface OwnSeriesPlan {
  indicator: string;
  latest: Level;
  /** Where the series starts; defaults to `latest` (a stable series with a slow drift). */
  from?: Level;
  /** The unit's translated target, when it differs from the goal's or the indicator's. */
  target?: number;
  tolerance?: number;
  /** Overrides the unit's share of the volume (all of the children's assessments happen in k-bup). */
  volume?: number;
}

/** One indicator shown with another unit's figures: the region's psychiatry numbers are the psychiatry's. */
export interface CopiedSeriesPlan {
  indicator: string;
  copyOf: string;
}

export type SeriesPlan = OwnSeriesPlan | CopiedSeriesPlan;

export function isCopiedSeries(plan: SeriesPlan): plan is CopiedSeriesPlan {
  return 'copyOf' in plan;
}

/** The psychiatry leadership board: every indicator, in the organisation file's order; the latest mix is here. */
export const PSYCHIATRY_SERIES: Readonly<Record<string, Omit<OwnSeriesPlan, 'indicator'>>> = {
  'baelte-andel': { latest: 'amber', from: 'red' }, // halving coercion: improving, not there yet
  'baelte-48t': { latest: 'red', from: 'amber' },
  'tvang-personer': { latest: 'green', from: 'amber' },
  tvangsmedicin: { latest: 'amber' },
  'udredning-voksen': { latest: 'green', from: 'red' },
  'udredning-bu': { latest: 'red', from: 'amber' }, // children's assessment: the known problem
  'ventetid-voksen': { latest: 'green' },
  'ventetid-bu': { latest: 'red', from: 'amber' },
  'genindl-30': { latest: 'amber', from: 'green' },
  'opfoelg-7': { latest: 'red' }, // why the cross-cutting discharge goal exists
  medicinafstem: { latest: 'green', from: 'amber' },
  selvmordsrisiko: { latest: 'green' },
  'somatisk-screening': { latest: 'amber', from: 'red' },
  behandlingsplan: { latest: 'green' },
  belaegning: { latest: 'amber', from: 'green' },
  udeblivelser: { latest: 'green', from: 'amber' },
  'lup-patient': { latest: 'green' },
  'lup-paaroerende': { latest: 'amber' },
  trivsel: { latest: 'green' },
  sygefravaer: { latest: 'red', from: 'amber' },
  budget: { latest: 'red', from: 'green' },
};

/** The other boards: a handful of indicators each, relevant to the unit, in board order. */
export const BOARD_SERIES: Readonly<Record<string, readonly SeriesPlan[]>> = {
  region: [
    { indicator: 'baelte-andel', copyOf: 'psyk' },
    { indicator: 'udredning-voksen', copyOf: 'psyk' },
    { indicator: 'udredning-bu', copyOf: 'psyk' },
    { indicator: 'lup-patient', copyOf: 'psyk' },
    { indicator: 'budget', copyOf: 'psyk' },
  ],
  'k-nord': [
    { indicator: 'baelte-andel', latest: 'amber', from: 'red' }, // judged against the clinic's own 3 %
    { indicator: 'tvang-personer', latest: 'green', from: 'amber', target: 10, tolerance: 3 },
    { indicator: 'genindl-30', latest: 'red', from: 'amber' },
    { indicator: 'opfoelg-7', latest: 'red' },
    { indicator: 'belaegning', latest: 'amber' },
    { indicator: 'sygefravaer', latest: 'amber', from: 'green' },
  ],
  'k-syd': [
    { indicator: 'udredning-voksen', latest: 'green', from: 'red' },
    { indicator: 'ventetid-voksen', latest: 'amber', from: 'green' },
    { indicator: 'opfoelg-7', latest: 'amber', from: 'red' },
    { indicator: 'genindl-30', latest: 'green' },
    { indicator: 'udeblivelser', latest: 'green', from: 'amber' },
    { indicator: 'sygefravaer', latest: 'green' },
  ],
  'k-bup': [
    { indicator: 'udredning-bu', latest: 'red', from: 'amber', volume: 1 },
    { indicator: 'ventetid-bu', latest: 'red', from: 'amber' },
    { indicator: 'udeblivelser', latest: 'amber' },
    { indicator: 'lup-paaroerende', latest: 'green' },
    { indicator: 'sygefravaer', latest: 'amber' },
  ],
  n1: [
    { indicator: 'belaegning', latest: 'amber' },
    { indicator: 'selvmordsrisiko', latest: 'green', from: 'amber' },
    { indicator: 'medicinafstem', latest: 'red', from: 'amber' },
    { indicator: 'sygefravaer', latest: 'amber', from: 'green' },
    { indicator: 'trivsel', latest: 'amber' },
  ],
  n2: [
    { indicator: 'baelte-48t', latest: 'green', from: 'red' }, // the morning huddle works
    { indicator: 'tvang-personer', latest: 'amber', from: 'red', target: 5, tolerance: 2 },
    { indicator: 'tvangsmedicin', latest: 'green', from: 'amber', target: 3, tolerance: 2 },
    { indicator: 'medicinafstem', latest: 'green' },
    { indicator: 'sygefravaer', latest: 'red', from: 'amber' },
    { indicator: 'trivsel', latest: 'amber', from: 'green' },
  ],
  s1: [
    { indicator: 'opfoelg-7', latest: 'amber', from: 'red' },
    { indicator: 'medicinafstem', latest: 'green', from: 'amber' },
    { indicator: 'behandlingsplan', latest: 'red', from: 'amber' },
    { indicator: 'belaegning', latest: 'green' },
    { indicator: 'sygefravaer', latest: 'green' },
    { indicator: 'trivsel', latest: 'green' },
  ],
  s2: [
    { indicator: 'udeblivelser', latest: 'green', from: 'red' }, // SMS reminders
    { indicator: 'ventetid-voksen', latest: 'amber' },
    { indicator: 'udredning-voksen', latest: 'amber', from: 'green' },
    { indicator: 'somatisk-screening', latest: 'green', from: 'red' },
    { indicator: 'sygefravaer', latest: 'amber', from: 'green' },
    { indicator: 'trivsel', latest: 'green' },
  ],
  b1: [
    { indicator: 'belaegning', latest: 'green' },
    { indicator: 'behandlingsplan', latest: 'amber' },
    { indicator: 'medicinafstem', latest: 'green' },
    { indicator: 'sygefravaer', latest: 'red', from: 'amber' },
    { indicator: 'trivsel', latest: 'amber', from: 'green' },
    { indicator: 'lup-paaroerende', latest: 'green' },
  ],
  b2: [
    { indicator: 'udredning-bu', latest: 'red', volume: 0.85 },
    { indicator: 'ventetid-bu', latest: 'red', from: 'amber' },
    { indicator: 'udeblivelser', latest: 'amber', from: 'red' },
    { indicator: 'sygefravaer', latest: 'green' },
    { indicator: 'trivsel', latest: 'green' },
  ],
};
