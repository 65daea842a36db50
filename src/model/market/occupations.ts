// The occupation groups the market views use: SOC 2018 physicians and surgeons (29-1211 … 29-1249)
// and clinical laboratory technologists and technicians (29-2011, 29-2012).

export type OccupationGroup = 'physician' | 'lab' | 'other';

export function occupationGroup(soc: string): OccupationGroup {
  if (/^29-12[1-4]\d$/.test(soc)) return 'physician';
  if (soc === '29-2011' || soc === '29-2012') return 'lab';
  return 'other';
}

export const OCCUPATION_GROUP_LABEL: Record<OccupationGroup, string> = {
  physician: 'Physicians and surgeons (SOC 29-1211 to 29-1249)',
  lab: 'Clinical laboratory technologists and technicians (SOC 29-2011, 29-2012)',
  other: 'Other health-care practitioners (SOC 29)',
};

/** SOC 2018 titles of the codes the specialties use (the files' own titles are lower-case and misspelt). */
export const SOC_TITLES: Readonly<Record<string, string>> = {
  '29-1211': 'Anesthesiologists',
  '29-1212': 'Cardiologists',
  '29-1213': 'Dermatologists',
  '29-1214': 'Emergency medicine physicians',
  '29-1215': 'Family medicine physicians',
  '29-1216': 'General internal medicine physicians',
  '29-1217': 'Neurologists',
  '29-1218': 'Obstetricians and gynecologists',
  '29-1221': 'Pediatricians, general',
  '29-1222': 'Physicians, pathologists',
  '29-1223': 'Psychiatrists',
  '29-1224': 'Radiologists',
  '29-1229': 'Physicians, all other',
  '29-1241': 'Ophthalmologists, except pediatric',
  '29-1242': 'Orthopedic surgeons, except pediatric',
  '29-1243': 'Pediatric surgeons',
  '29-1249': 'Surgeons, all other',
  '29-2011': 'Medical and clinical laboratory technologists',
  '29-2012': 'Medical and clinical laboratory technicians',
};
