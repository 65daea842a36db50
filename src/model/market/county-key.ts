// DOL names worksite counties in capitals without the "County" word ("SAN FRANCISCO"); the Census
// names them in full ("San Francisco County"). One key for both, keeping "city" so Virginia's
// independent cities stay apart from the counties of the same name.

const SUFFIXES = /\s+(county|parish|borough|census area|city and borough|municipality|municipio|planning region)$/;

export function countyKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\s*\(.*\)\s*$/, '')
    .trim()
    .replace(SUFFIXES, '')
    .replace(/^(sainte|saint|ste\.?|st\.?)\s+/, 'st ')
    .replace(/[^a-z0-9]+/g, '');
}
