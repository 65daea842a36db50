// The immigration and training rules a candidate record must respect, checked when a pipeline is
// imported: errors reject the row (the record cannot be true), warnings keep it and say what to check.

import { HAPPENED, dateProblem } from '../dates';
import { isPrimaryCareOrPsychiatry, specialtyInfo } from '../specialties';
import { lotteryDateProblem } from '../timing/h1b-calendar';
import { trainedAbroad } from '../timing/routes';
import { ROUTES } from '../timing/visa-routes';
import type { Candidate, IsoDate } from '../types';
import type { PipelineColumn } from './columns';

export interface CandidateProblem {
  column: PipelineColumn | '';
  message: string;
  severity: 'error' | 'warning';
}

/** Every rule the record breaks; `today` enables the checks on dates that cannot lie ahead. */
export function candidateProblems(c: Candidate, today?: IsoDate): CandidateProblem[] {
  const problems: CandidateProblem[] = [];
  const error = (column: CandidateProblem['column'], message: string) => problems.push({ column, message, severity: 'error' });
  const warning = (column: CandidateProblem['column'], message: string) => problems.push({ column, message, severity: 'warning' });
  const route = ROUTES[c.visaRoute];
  const info = specialtyInfo(c.specialty);

  if (!route.statuses.includes(c.visaStatus)) {
    error('visa_status', `${c.visaStatus} does not happen on the route “${route.label}”; use one of: ${route.statuses.join(', ')}`);
  }
  if (c.visaStatus !== 'not-started' && c.visaStatusDate === '') {
    error('visa_status_date', `required when visa_status is ${c.visaStatus}: the date it happened`);
  }
  const visaStatusDateProblem = c.visaStatusDate === '' ? undefined : dateProblem(c.visaStatusDate, HAPPENED, today);
  if (visaStatusDateProblem) error('visa_status_date', visaStatusDateProblem);
  dateOrderDoubts(c, warning);
  if (c.stage === 'visa' && c.visaStatus === 'not-started' && route.statuses.length > 1) {
    warning('visa_status', 'the stage is visa but visa_status is not-started: record the last visa step and its date');
  }

  if (route.physiciansOnly && c.profession !== 'physician') error('visa_route', `the route “${route.label}” is for physicians`);
  if (route.labOnly && c.profession === 'physician') {
    error('visa_route', 'TN admits physicians only for teaching or research (8 CFR 214.6(c)), not clinical practice');
  }
  if (c.visaRoute === 'j1-hhs-clinical' && !isPrimaryCareOrPsychiatry(c.specialty)) {
    error(
      'visa_route',
      'HHS clinical waivers are for family medicine, general internal medicine, pediatrics, OB/GYN and general psychiatry',
    );
  }

  // INA §212(e): a J-1 physician must get a waiver (or spend two years at home) before an H-1B or a green card.
  if (c.currentStatus === 'j1') {
    if (c.visaRoute === 'us-authorized' || c.visaRoute === 'ead')
      error('current_status', `a J-1 holder is not on the route “${route.label}”`);
    else if (route.barredBy212e) {
      error(
        'visa_route',
        `a J-1 physician is subject to the two-year home-residency rule (INA §212(e)): no ${route.label} before a waiver; use a J-1 waiver route (Conrad 30, HHS, ARC, DRA or VA)`,
      );
    } else if (c.visaRoute === 'o1') {
      warning(
        'visa_route',
        'a J-1 subject to §212(e) cannot change to O-1 inside the US: the O-1 visa is issued abroad, and the two-year rule still bars a later H-1B or green card',
      );
    }
  } else if (route.waiver && c.currentStatus !== '') {
    warning('current_status', `${c.visaRoute} is for J-1 physicians; current_status is ${c.currentStatus}`);
  }

  if (c.visaRoute === 'h1b-transfer' && (c.currentStatus === 'h1b-cap-exempt' || c.currentStatus === 'h1b-waiver-service')) {
    warning(
      'visa_route',
      'an H-1B with a cap-exempt employer was never counted against the cap, so moving to a cap-subject employer goes through the lottery: forecast as h1b-cap-subject (choose h1b-cap-exempt if your site is cap-exempt)',
    );
  }
  if (c.currentStatus === 'h1b-waiver-service' && c.availableFrom === '') {
    warning(
      'available_from',
      'a physician serving a J-1 waiver is tied to that site for 3 years: set available_from to the end of the service',
    );
  }
  if (c.profession === 'physician' && c.trainingStatus === 'in-training' && c.availableFrom === '') {
    warning('available_from', 'a resident or fellow starts when training ends (usually June 30): set available_from');
  }
  if (c.profession === 'physician') physicianTrainingDoubts(c, warning);

  if (c.profession === 'mls') {
    const h1b = c.visaRoute.startsWith('h1b-');
    if (h1b && c.bachelorsDegree === false) {
      error('bachelors_degree', 'an H-1B needs a specialty occupation, which takes at least a bachelor’s degree');
    }
    if (h1b && info?.entryDegree === 'associate') {
      warning(
        'visa_route',
        `${info.label} posts usually ask for an associate degree, so they rarely qualify as an H-1B specialty occupation`,
      );
    }
    if (c.visaRoute === 'tn' && info?.entryDegree === 'associate') {
      warning('visa_route', 'TN covers medical technologists, not technicians');
    }
    if (c.visaRoute === 'tn' && c.bachelorsDegree === false) {
      warning(
        'bachelors_degree',
        'TN Medical Technologist needs a bachelor’s degree, or a post-secondary diploma and three years’ experience',
      );
    }
  }
  return problems;
}

/**
 * A physician's training that the rules make unlikely as recorded (kept, with what to check; a blank
 * training_status is read as completed, so it is checked like one): a full
 * licence needs a US residency in most states (S31), a residency needs ECFMG certification first
 * (S28), and residents from abroad train on ECFMG's J-1, which bars an H-1B or a green card (S16).
 */
function physicianTrainingDoubts(c: Candidate, warning: (column: PipelineColumn, message: string) => void): void {
  const abroad = trainedAbroad(c);
  if (c.trainingStatus === 'needs-residency') {
    if (ROUTES[c.visaRoute].barredBy212e) {
      warning(
        'training_status',
        `no US residency yet on ${ROUTES[c.visaRoute].label}: a full licence needs 1–3 years of US residency in most states, and residents from abroad usually train on ECFMG's J-1, which bars this route until a J-1 waiver (INA §212(e)); check the route, or that the residency will be on an H-1B`,
      );
    }
    if (c.licenceStatus === 'licensed') {
      warning(
        'licence_status',
        'licensed without a US residency: only a few states license physicians trained abroad without one (S31); check training_status',
      );
    }
  } else if (abroad && c.ecfmgCertified === false && c.trainingStatus === '') {
    warning(
      'training_status',
      'left blank, which is read as completed (a US residency done), but ecfmg_certified is no and a US residency needs ECFMG certification first: check it (write needs-residency if they have no US residency)',
    );
  } else if (abroad && c.ecfmgCertified === false && (c.trainingStatus === 'completed' || c.trainingStatus === 'in-training')) {
    warning(
      'ecfmg_certified',
      'a US residency needs ECFMG certification first, but ecfmg_certified is no: check both (write needs-residency if they have no US residency)',
    );
  }
}

/**
 * Dates in an order the pipeline cannot have (kept, with both dates to check): an arrival before a
 * visa step of the route that brings the candidate, a start before the offer, and an H-1B lottery
 * registration or selection in a month when no lottery registers or selects.
 */
function dateOrderDoubts(c: Candidate, warning: (column: PipelineColumn, message: string) => void): void {
  const visaStep = c.visaStatus !== 'not-started' && c.visaStatusDate !== '';
  if (c.stage === 'arrived' && visaStep && c.stageDate !== '' && c.stageDate < c.visaStatusDate) {
    warning(
      'stage_date',
      `arrived on ${c.stageDate} (stage_date), before the visa step ${c.visaStatus} on ${c.visaStatusDate} (visa_status_date): a candidate arrives after the route’s visa steps; check both dates`,
    );
  }
  if (c.stage === 'offer' && c.expectedStart !== '' && c.stageDate !== '' && c.expectedStart < c.stageDate) {
    warning(
      'expected_start',
      `${c.expectedStart} is before the offer of ${c.stageDate} (stage_date): a start comes after the offer; check both dates`,
    );
  }
  if (visaStep && (c.visaStatus === 'registered' || c.visaStatus === 'selected')) {
    const problem = lotteryDateProblem(c.visaStatus, c.visaStatusDate);
    if (problem) warning('visa_status_date', `${c.visaStatus} on ${c.visaStatusDate}, but ${problem}; check the date`);
  }
}
