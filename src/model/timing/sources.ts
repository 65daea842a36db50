// Sources behind the timing model's defaults, as listed in shared/domain.md (collected 2026-11-23).
// Reports print these next to each assumption; they are citations, never fetched.

/** When the facts were collected: immigration rules change, so reports show this. */
export const SOURCES_VINTAGE = '2026-11-23';

export const SOURCES: Readonly<Record<string, string>> = {
  S1: 'cozen.com/news-resources/publications/2023/fy2024-h-1b-registration-recap',
  S2: 'kmhimmigration.com/over-77000-additional-h-1b-cap-registrations-selected-in-second-lottery',
  S3: 'tandslaw.com (USCIS second round FY2025)',
  S4: 'kmhimmigration.com/uscis-releases-selection-numbers-for-the-fy-2026-h-1b-cap',
  S5: 'mondaq.com/unitedstates/general-immigration/1656260',
  S6: 'wanglawpc.com/insights/fy-2026-h-1b-cap-registration-key-dates-and-updates',
  S7: 'shumaker.com (wage-weighted H-1B cap selection effective Feb 27, 2026)',
  S8: 'nchstats.com/uscis-fy-2027-h-1b-lottery',
  S9: 'bestlawfirms.com/articles/h-1b-lottery-reimagined-dhs-finalizes/7211',
  S10: 'golawcorp.com (summary of the proclamation)',
  S11: 'chanderlaw.com; mccarter.com (USCIS clarification of the $100,000 fee)',
  S12: 'ama-assn.org (AMA urges DHS to exempt physicians)',
  S13: 'globalimmigrationblog.com; meltzerhellrung.com',
  S14: 'cilawgroup.com/news/2024/09/30/guide-to-h-1b-cap-exempt-employers',
  S15: 'cilawgroup.com (premium processing)',
  S17: 'visalaw.com (ABCs of Conrad 30 waivers)',
  S18: 'niskanencenter.org (Conrad 30 usage FY2023)',
  S21: 'maggio-kattar.com/blog/how-states-use-their-30-waivers-j-1-physicians',
  S22: '3rnet.org/Employers-Guide/J1; cascadia.com',
  S23: 'visalaw.com (federal J-1 waiver programs)',
  S25: 'badmuslaw.com',
  S29: 'mbc.ca.gov/FAQs; njconsumeraffairs.gov/bme',
  S30: 'credentialing timeline articles (vendors)',
  S44: 'ascls.org/licensure',
  S45: 'California lab licensing FAQ',
  S47: 'irvine-legal.com (TN medical technologist)',
};
