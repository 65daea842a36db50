// Regions a target can name besides states: the Census Bureau's four regions and the ten HHS regions.
export const CENSUS_REGIONS = ['Northeast', 'Midwest', 'South', 'West'] as const;
export const HHS_REGIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
