/**
 * Runs, seed and horizon of the forecast the app shows and reports. 2,000 runs give probabilities
 * to about ±1 point; the fixed seed makes a report reproducible.
 */
export const FORECAST_SETTINGS = { runs: 2000, seed: 20261123, horizonMonths: 48 } as const;
