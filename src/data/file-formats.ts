// Which of the federal files the app reads a file is, from its header row alone: every drop and
// every pick goes through here, whatever the file is called.
import type { HeaderSniff } from './csv-header';
import { HPSA_SIGNATURE, recogniseHpsa } from './hpsa-format';
import { recogniseLca, type LcaColumns } from './market/lca-format';
import { recogniseH1b, type H1bColumns, type H1bLayout } from './market/h1b-format';

export type FileFormat =
  | { kind: 'hrsa-hpsa-detail' }
  | { kind: 'dol-lca'; columns: LcaColumns }
  | { kind: 'uscis-h1b'; layout: H1bLayout; columns: H1bColumns }
  | { kind: 'unknown'; reason: string };

export function recogniseFile(fileName: string, sniff: HeaderSniff): FileFormat {
  const known = recogniseHpsa(fileName, sniff) ?? recogniseLca(fileName, sniff) ?? recogniseH1b(fileName, sniff);
  if (known) return known;
  const found = sniff.fields
    .slice(0, 6)
    .map((f) => `"${f}"`)
    .join(', ');
  return {
    kind: 'unknown',
    reason: `${fileName} is not a file this app reads. Expected an HRSA HPSA detail file whose header has ${HPSA_SIGNATURE.map((c) => `"${c}"`).join(', ')}, a DOL LCA disclosure file (SOC_CODE, JOB_TITLE, WAGE_RATE_OF_PAY_FROM, …) or a USCIS H-1B Employer Data Hub export ("Fiscal Year", "Initial Approval", …); found a header starting ${found || '(empty)'}${sniff.fields.length > 6 ? ` … (${sniff.fields.length} columns)` : ''}.`,
  };
}
