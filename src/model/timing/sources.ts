// Sources behind the timing model's defaults and rules, and the published facts the app quotes
// beside its figures. The keys (S-numbers as listed in the project's domain notes, collected
// 2026-11-23; R-numbers for rules looked up since, R1–R9 collected 2026-11-25, R10–R17 on 2026-12-07) stay inside the project:
// a reader sees each source's publisher, title and public address, printed as text, never fetched.
// Where a law firm or a news page relayed a rule, the rule itself (regulation, statute, agency page)
// is the address given and the relay is named in `via`.

export interface PublicSource {
  /** Who published it: an agency, a court, a professional body, or the web site that relayed it. */
  publisher: string;
  /** What it is, as a reader would look it up. */
  title: string;
  /** A public address where it can be read; '' where the fact comes from several pages with none to name. */
  url: string;
  /** The secondary page the figure was read from, when the primary source is named above. */
  via?: string;
}

/** When the facts were collected: immigration rules change, so reports show this. */
export const SOURCES_VINTAGE = 'collected on 2026-11-23, rules looked up since on 2026-11-25 and 2026-12-07';

const ECFR = (section: string) => `https://www.ecfr.gov/current/title-8/section-${section}`;
const INA_214 = 'https://www.law.cornell.edu/uscode/text/8/1184';

export const SOURCES: Readonly<Record<string, PublicSource>> = {
  S1: {
    publisher: 'Cozen O’Connor',
    title: 'FY 2024 H-1B registration recap (USCIS registration and selection figures, FY 2021–2024)',
    url: 'https://www.cozen.com/news-resources/publications/2023/fy2024-h-1b-registration-recap',
  },
  S2: {
    publisher: 'KMH Immigration',
    title: 'Over 77,000 additional H-1B cap registrations selected in second lottery (FY 2024)',
    url: 'https://www.kmhimmigration.com/over-77000-additional-h-1b-cap-registrations-selected-in-second-lottery',
  },
  S3: {
    publisher: 'tandslaw.com (immigration law firm)',
    title: 'USCIS completes the second round of selections for FY 2025 H-1B cap-subject petitions',
    url: 'https://tandslaw.com/uscis-completes-the-second-round-of-selections-for-fy-2025-h-1b-cap-subject-petitions-also-provides-updated-information-on-number-of-registration-applications-selected/',
  },
  S4: {
    publisher: 'KMH Immigration',
    title: 'USCIS releases selection numbers for the FY 2026 H-1B cap',
    url: 'https://www.kmhimmigration.com/uscis-releases-selection-numbers-for-the-fy-2026-h-1b-cap',
  },
  S5: {
    publisher: 'Mondaq',
    title: 'FY 2026 H-1B cap: registrations and selections',
    url: 'https://www.mondaq.com/unitedstates/general-immigration/1656260',
  },
  S6: {
    publisher: 'Wang Law',
    title: 'FY 2026 H-1B cap registration: key dates and updates (calendar and the $215 registration fee)',
    url: 'https://www.wanglawpc.com/insights/fy-2026-h-1b-cap-registration-key-dates-and-updates',
  },
  S7: {
    publisher: 'US Department of Homeland Security, Federal Register',
    title:
      'Weighted Selection Process for Registrants and Petitioners Seeking To File Cap-Subject H-1B Petitions, final rule, 90 FR 60864 (December 29, 2025; effective February 27, 2026)',
    url: 'https://www.govinfo.gov/content/pkg/FR-2025-12-29/html/2025-23853.htm',
    via: 'Shumaker, “New wage-weighted H-1B cap selection process effective February 27, 2026”',
  },
  S8: {
    publisher: 'NCH Stats',
    title: 'USCIS FY 2027 H-1B lottery',
    url: 'https://www.nchstats.com/uscis-fy-2027-h-1b-lottery',
  },
  S9: {
    publisher: 'Best Law Firms',
    title: 'H-1B lottery reimagined: DHS finalizes wage-weighted selection (per-level odds projected by DHS)',
    url: 'https://www.bestlawfirms.com/articles/h-1b-lottery-reimagined-dhs-finalizes/7211',
  },
  S10: {
    publisher: 'The White House',
    title: 'Proclamation of September 19, 2025: Restriction on Entry of Certain Nonimmigrant Workers (the $100,000 H-1B payment)',
    url: 'https://www.whitehouse.gov/presidential-actions/2025/09/restriction-on-entry-of-certain-nonimmigrant-workers/',
    via: 'GO Law, “Summary of key provisions of the proclamation”',
  },
  S11: {
    publisher: 'US Citizenship and Immigration Services (guidance of October 20, 2025)',
    title: 'Who owes the $100,000 H-1B payment: petitions for workers outside the US; change of status, extensions and amendments exempt',
    url: 'https://chanderlaw.com/relief-for-companies-uscis-clarifies-h-1b-change-of-status-petitions-may-not-be-subject-to-100k-fee',
    via: 'Chander Law and McCarter & English summaries of the USCIS guidance',
  },
  S12: {
    publisher: 'American Medical Association',
    title: 'AMA urges DHS to exempt physicians from new $100,000 H-1B visa fee (press release)',
    url: 'https://www.ama-assn.org/press-center/ama-press-releases/ama-urges-dhs-exempt-physicians-new-100000-h-1b-visa-fee',
  },
  S13: {
    publisher: 'US District Court for the District of Columbia, as reported by Jackson Lewis',
    title:
      'Chamber of Commerce of the USA v. US Department of Homeland Security, No. 1:25-cv-03675 (December 23, 2025): the $100,000 fee upheld; appeal filed',
    url: 'https://www.globalimmigrationblog.com/?p=5499',
    via: 'Jackson Lewis Global Immigration Blog; Meltzer Hellrung',
  },
  S14: {
    publisher: 'US Code of Federal Regulations',
    title:
      '8 CFR 214.2(h)(8)(iii)(F): employers exempt from the H-1B cap (institutions of higher education, affiliated nonprofits, research organisations)',
    url: ECFR('214.2'),
    via: 'CI Law Group, “Guide to H-1B cap-exempt employers” (September 30, 2024)',
  },
  S15: {
    publisher: 'US Citizenship and Immigration Services',
    title: 'How do I request premium processing? (15 business days; fee)',
    url: 'https://www.uscis.gov/forms/all-forms/how-do-i-request-premium-processing',
    via: 'CI Law Group on premium processing',
  },
  S16: {
    publisher: 'ECFMG',
    title: 'Exchange Visitor Sponsorship Program (J-1 physicians)',
    url: 'https://www.ecfmg.org/evsp/',
  },
  S17: {
    publisher: 'US Citizenship and Immigration Services',
    title: 'Conrad 30 Waiver Program (INA §214(l): 30 waivers per state per fiscal year, 3 years of service)',
    url: 'https://www.uscis.gov/working-in-the-united-states/students-and-exchange-visitors/conrad-30-waiver-program',
    via: 'Siskind Susser (visalaw.com), “The ABCs of Conrad 30 waivers”',
  },
  S18: {
    publisher: 'Niskanen Center',
    title: 'Conrad 30 waiver use by state, fiscal year 2023',
    url: 'https://www.niskanencenter.org/',
  },
  S21: {
    publisher: 'Maggio Kattar',
    title: 'How states use their 30 waivers for J-1 physicians',
    url: 'https://www.maggio-kattar.com/blog/how-states-use-their-30-waivers-j-1-physicians',
  },
  S22: {
    publisher: '3RNET (National Rural Recruitment and Retention Network)',
    title: 'Employer’s guide: J-1 visa waivers (processing times)',
    url: 'https://www.3rnet.org/Employers-Guide/J1',
  },
  S23: {
    publisher: 'US Department of State',
    title: 'Waiver of the exchange visitor two-year home-country physical presence requirement (federal waiver programs)',
    url: 'https://travel.state.gov/content/travel/en/us-visas/study/exchange/waiver-of-the-exchange-visitor.html',
    via: 'Siskind Susser (visalaw.com) on federal J-1 waiver programs',
  },
  S25: {
    publisher: 'US Code (Cornell Legal Information Institute)',
    title: 'INA §214(l)(2): an H-1B after a Conrad 30 waiver is not counted against the cap',
    url: INA_214,
    via: 'Badmus Law',
  },
  S26: {
    publisher: 'National Resident Matching Program',
    title: 'Main Residency Match results and data, 2024 and 2025 (match rates of international medical graduates)',
    url: 'https://www.nrmp.org/match-data/',
  },
  S27: {
    publisher: 'National Resident Matching Program',
    title: 'Match Day (third Friday of March) and the July 1 residency start',
    url: 'https://www.nrmp.org/',
  },
  S28: {
    publisher: 'ECFMG',
    title: 'ECFMG certification (USMLE Step 1, Step 2 CK, communication requirement)',
    url: 'https://www.ecfmg.org/certification/',
  },
  S29: {
    publisher: 'Medical Board of California; New Jersey State Board of Medical Examiners',
    title: 'Licensing questions and processing times',
    url: 'https://www.mbc.ca.gov/FAQs/',
  },
  S30: {
    publisher: 'Credentialing vendors’ published timelines',
    title: 'Hospital credentialing and privileging: 60–120 days, longer at large academic systems',
    url: '',
  },
  S31: {
    publisher: 'Federation of State Medical Boards',
    title: 'FSMB advisory commission (Feb 4, 2025); state alternative-licensure summaries',
    url: '',
  },
  S32: {
    publisher: 'American Medical Association, citing the Federation of State Medical Boards',
    title: 'International medical graduates: 23% of licensed US physicians (2024)',
    url: 'https://www.ama-assn.org/education/international-medical-education/waiving-100000-h-1b-fee-imgs-serves-national-interest',
  },
  S42: {
    publisher: 'American Society for Clinical Pathology, as reported by AABB',
    title: 'ASCP 2022 vacancy survey of medical laboratories (876 laboratories)',
    url: 'https://www.aabb.org/',
  },
  S44: {
    publisher: 'American Society for Clinical Laboratory Science',
    title: 'Licensure: states that license laboratory personnel',
    url: 'https://ascls.org/licensure/',
  },
  S45: {
    publisher: 'California Department of Public Health, Laboratory Field Services',
    title: 'Laboratory personnel licensing (clinical laboratory scientist licence)',
    url: 'https://www.cdph.ca.gov/Programs/OSPHLD/LFS/Pages/Home.aspx',
  },
  S46: {
    publisher: 'US Department of Labor, as summarised by Mintz and KMH Immigration',
    title:
      'Schedule A occupations (registered nurses and physical therapists; not laboratory scientists) and the December 2023 request for information',
    url: 'https://www.mintz.com/',
  },
  S47: {
    publisher: 'US Code of Federal Regulations',
    title: '8 CFR 214.6: TN professionals under USMCA, including Medical Technologist',
    url: ECFR('214.6'),
    via: 'Irvine Legal on the TN medical technologist',
  },
  S48: {
    publisher: 'US Code of Federal Regulations',
    title: '8 CFR 212.15: certificates for foreign health care workers (CGFNS VisaScreen)',
    url: ECFR('212.15'),
    via: 'BDZ Law; US Immigration Compliance',
  },
  S49: {
    publisher: 'US Department of State',
    title: 'Visa Bulletin (employment-based third preference cut-off dates)',
    url: 'https://travel.state.gov/content/travel/en/legal/visa-law0/visa-bulletin.html',
    via: 'Passport USA on visa retrogression',
  },
  S51: {
    publisher: 'Association of American Medical Colleges',
    title: 'US physician workforce data: active physicians by race, ethnicity and sex, 2021',
    url: 'https://www.aamc.org/data-reports/report/us-physician-workforce-data-dashboard',
  },
  S53: {
    publisher: 'PubMed Central (US National Library of Medicine)',
    title: 'Systematic review of patient–physician language concordance and outcomes (article PMC6667611)',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC6667611/',
  },
  S54: {
    publisher: 'ECFMG',
    title: 'Licensed international medical graduates by country of training, 2017 (ECFMG newsletter)',
    url: 'https://www.ecfmg.org/',
  },
  R1: {
    publisher: 'US Citizenship and Immigration Services, Federal Register',
    title: 'USCIS fee schedule, final rule, 89 FR 6194 (January 31, 2024; fees from April 1, 2024), 8 CFR 106.2, and Form G-1055',
    url: 'https://www.federalregister.gov/documents/2024/01/31/2024-01427/us-citizenship-and-immigration-services-fee-schedule-and-changes-to-certain-other-immigration-benefit-request',
  },
  R2: {
    publisher: 'US Code (Cornell Legal Information Institute)',
    title: 'INA §214(c)(9) ACWIA training fee and §214(c)(12) fraud prevention and detection fee (8 USC 1184)',
    url: INA_214,
  },
  R3: {
    publisher: 'US Department of Health and Human Services, Office of Global Affairs',
    title: 'Exchange Visitor Program: J-1 waiver for clinical care (primary care or general psychiatry, HPSA score 7 or more)',
    url: 'https://www.hhs.gov/about/agencies/oga/about-oga/what-we-do/exchange-visitor-program/index.html',
  },
  R4: {
    publisher: 'Appalachian Regional Commission',
    title: 'J-1 visa waivers (ARC Federal Co-Chair policy)',
    url: 'https://www.arc.gov/j-1-visa-waivers/',
  },
  R5: {
    publisher: 'Delta Regional Authority',
    title: 'Delta Doctors J-1 waiver program',
    url: 'https://dra.gov/',
    via: 'j1visawaiver.net summary of the Delta Doctors program',
  },
  R6: {
    publisher: 'US Code of Federal Regulations',
    title: '8 CFR 204.12: physician national interest waiver (5 years full-time in a shortage area or a VA facility)',
    url: ECFR('204.12'),
  },
  R7: {
    publisher: 'US Code of Federal Regulations',
    title: '8 CFR 212.15(c): health care worker certificates; USCIS–AILA liaison of April 16, 2008 on medical technology specialists',
    url: ECFR('212.15'),
  },
  R8: {
    publisher: 'US Code of Federal Regulations',
    title: '8 CFR 214.6(c): TN physicians for teaching or research only; Medical Technologist credentials',
    url: ECFR('214.6'),
  },
  R9: {
    publisher: 'International Organization of Independent Lab Scientists; laboratorylicense.com',
    title: 'States that license laboratory personnel (2023); Georgia: laboratory directors only',
    url: 'https://www.ioils.org/',
  },
  R10: {
    publisher: 'US Code of Federal Regulations',
    title:
      '8 CFR 214.2(h)(4)(viii): an H-1B petition for a physician in patient care (residents included) shows ECFMG certification or a US medical degree, USMLE Steps 1–3 and a state licence or authorisation',
    url: ECFR('214.2'),
    via: 'University of Michigan International Center, “Health Care Positions”; USCIS Policy Manual',
  },
  R11: {
    publisher: 'US Code (Cornell Legal Information Institute)',
    title:
      'INA §214(c)(9)(A): no ACWIA fee for nonprofits engaged in established curriculum-related clinical training of students of an institution of higher education (I-129 H-1B Data Collection Supplement, section 2)',
    url: INA_214,
  },
  R12: {
    publisher: 'US Code (Cornell Legal Information Institute)',
    title: 'INA §214(g)(4): H-1B status lasts six years at most; H-1B time in residency counts, J-1 time does not',
    url: INA_214,
  },
  R13: {
    publisher: 'US Citizenship and Immigration Services',
    title:
      'H-1B cap season: a cap petition is for employment in the named fiscal year from its October 1; a selection not filed in its window lapses; a change of status takes effect on approval; F-1 cap-gap',
    url: 'https://www.uscis.gov/working-in-the-united-states/temporary-workers/h-1b-specialty-occupations-and-fashion-models/h-1b-cap-season',
  },
  R14: {
    publisher: 'Texas Department of State Health Services',
    title:
      'Conrad 30 J-1 visa waiver program: the physician starts “within 90 days of receiving the waiver and employment authorization from USCIS”; most states open applications on October 1; physicians begin in H-1B status at the end of training',
    url: 'https://www.dshs.texas.gov/texas-primary-care-office-tpco/texas-conrad-30-j-1-visa-waiver-program',
    via: 'physicianimmigration.com; Ice Miller, “J-1 Waiver Open Season”',
  },
  R15: {
    publisher: 'State Conrad 30 programs (Texas DSHS, Missouri DHSS, California HCAI)',
    title:
      'Conrad 30 application windows: Texas in early September, ranked; New York September to early December; Missouri from October; California primary care October to June',
    url: 'https://health.mo.gov/living/families/primarycare/j1visa/',
    via: 'Mondaq on state windows',
  },
  R16: {
    publisher: 'US Code of Federal Regulations',
    title: '8 CFR 214.2(j)(1)(ii): J-1 status ends 30 days after the program ends; a change of status is filed before then',
    url: ECFR('214.2'),
  },
  R17: {
    publisher: 'US Code of Federal Regulations',
    title:
      '8 CFR 214.6 and 212.15: TN for a Canadian or Mexican medical technologist (a bachelor’s degree, or a diploma and 3 years’ experience, and a VisaScreen certificate); Canadians admitted at the border, Mexicans need a visa',
    url: ECFR('214.6'),
    via: 'BDZ Law on TN for medical technologists',
  },
};

/**
 * "Read via GO Law, “Summary of key provisions of the proclamation”.": the secondary page a source
 * was read through, said the same way on the screens and in the report; '' when it was read first-hand.
 */
export const readViaText = (s: PublicSource): string => (s.via ? `Read via ${s.via}.` : '');

/**
 * "S10: The White House, Proclamation of … — https://… — Read via GO Law, …": the key (for the
 * screens' users who cite it back), what a person can follow, and the page it was read through.
 */
export function sourceText(id: string): string {
  if (!Object.hasOwn(SOURCES, id)) return `${id}: not listed`;
  const s = SOURCES[id];
  const via = readViaText(s);
  return `${id}: ${s.publisher}, ${s.title}${s.url ? ` — ${s.url}` : ''}${via ? ` — ${via}` : ''}`;
}

/** The project's notes file, named before a key ("domain.md §5, S42"): never shown to a reader. */
const NOTES_FILE = /(?:shared\/)?domain\.md(?:\s*§\s*\d+)?\s*[,;]?\s*/g;
/** A source key ("S13", "R4"), alone or in a list ("S7, S9"). */
const KEY_LIST = /\b[SR]\d{1,3}\b(?:\s*[,;]\s*\b[SR]\d{1,3}\b)*/g;

/**
 * Text from the model as a reader sees it: each list of source keys replaced by `name(keys)`, the
 * project's notes file left out, and the brackets or spaces that leaves behind tidied away.
 */
export function rewriteSourceKeys(text: string, name: (keys: string[]) => string): string {
  return text
    .replace(/not in (?:shared\/)?domain\.md/g, 'not in the sources collected')
    .replace(NOTES_FILE, '')
    .replace(KEY_LIST, (list) => name(list.split(/\s*[,;]\s*/)))
    .replace(/\(\s*\)/g, '')
    .replace(/\s+([.,;])/g, '$1');
}

/**
 * Text from the model for a screen: each source named by who published it ("… without one (S31)" →
 * "… without one (Federation of State Medical Boards)"). The report numbers them instead
 * (report/citations.ts); the Assumptions panel lists each source in full.
 */
export const withPublishers = (text: string): string =>
  rewriteSourceKeys(text, (keys) =>
    [...new Set(keys.map((k) => (Object.hasOwn(SOURCES, k) ? SOURCES[k].publisher : 'source not recorded')))].join('; '),
  );
