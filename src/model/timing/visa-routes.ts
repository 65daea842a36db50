// What each visa route is, in one table: its name, the visa statuses a candidate on it can be at
// (in order), and who may use it. The timing rules for each live in routes.ts.

import type { VisaRoute, VisaStatus } from '../types';

export type WaiverProgram = 'conrad30' | 'hhs-clinical' | 'arc' | 'dra' | 'va' | 'federal-unknown';

export interface RouteInfo {
  label: string;
  /** Visa statuses on this route, in the order they happen. */
  statuses: readonly VisaStatus[];
  /** A J-1 waiver route: the physician is a J-1 subject to the two-year home-residency rule (INA §212(e)). */
  waiver?: WaiverProgram;
  /** Open to physicians only. */
  physiciansOnly?: boolean;
  /** Open to lab roles only (TN Medical Technologist; physicians on TN may only teach or do research). */
  labOnly?: boolean;
  /** Files a new H-1B petition for the person (the $100,000 fee can apply). */
  newH1bPetition?: boolean;
  /** 212(e) bars it until a waiver or two years at home: H-1B, and green cards. */
  barredBy212e?: boolean;
}

const WAIVER_STATUSES: readonly VisaStatus[] = ['not-started', 'waiver-filed', 'waiver-approved', 'petition-filed', 'approved'];
const PETITION_STATUSES: readonly VisaStatus[] = ['not-started', 'petition-filed', 'approved'];

export const ROUTES: Readonly<Record<VisaRoute, RouteInfo>> = {
  'us-authorized': { label: 'US citizen or green card', statuses: ['not-started'] },
  ead: { label: 'Employment authorization document (EAD)', statuses: ['not-started'] },
  'h1b-cap-subject': {
    label: 'H-1B, cap-subject (lottery)',
    statuses: ['not-started', 'registered', 'selected', 'petition-filed', 'approved'],
    newH1bPetition: true,
    barredBy212e: true,
  },
  'h1b-cap-exempt': { label: 'H-1B, cap-exempt employer', statuses: PETITION_STATUSES, newH1bPetition: true, barredBy212e: true },
  'h1b-transfer': { label: 'H-1B transfer (portability)', statuses: PETITION_STATUSES, barredBy212e: true },
  'j1-conrad30': { label: 'J-1 waiver, Conrad 30 (state)', statuses: WAIVER_STATUSES, waiver: 'conrad30', physiciansOnly: true },
  'j1-hhs-clinical': { label: 'J-1 waiver, HHS clinical', statuses: WAIVER_STATUSES, waiver: 'hhs-clinical', physiciansOnly: true },
  'j1-arc': { label: 'J-1 waiver, Appalachian Regional Commission', statuses: WAIVER_STATUSES, waiver: 'arc', physiciansOnly: true },
  'j1-dra': { label: 'J-1 waiver, Delta Regional Authority', statuses: WAIVER_STATUSES, waiver: 'dra', physiciansOnly: true },
  'j1-va': { label: 'J-1 waiver, Veterans Affairs', statuses: WAIVER_STATUSES, waiver: 'va', physiciansOnly: true },
  'j1-federal-waiver': {
    label: 'J-1 waiver, federal program not recorded',
    statuses: WAIVER_STATUSES,
    waiver: 'federal-unknown',
    physiciansOnly: true,
  },
  o1: { label: 'O-1 (extraordinary ability)', statuses: PETITION_STATUSES },
  tn: { label: 'TN (Canadians, Mexicans)', statuses: PETITION_STATUSES, labOnly: true },
  'eb2-niw': {
    label: 'Green card, physician national interest waiver (EB-2)',
    statuses: ['not-started', 'immigrant-petition-filed', 'approved'],
    physiciansOnly: true,
    barredBy212e: true,
  },
  'eb3-perm': {
    label: 'Green card through PERM (EB-3)',
    statuses: ['not-started', 'perm-filed', 'immigrant-petition-filed', 'approved'],
    barredBy212e: true,
  },
};

export const routeLabel = (route: VisaRoute): string => ROUTES[route].label;
