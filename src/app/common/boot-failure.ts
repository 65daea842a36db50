// What a failed start-up says to the person (its own module: the first screen needs it, not the loaders).
import { DataLoadError, describeDuckDbError } from '../../data/loaders/csv-stage';

export function bootFailure(e: unknown): string {
  return e instanceof DataLoadError ? [e.message, ...e.details].join(' ') : describeDuckDbError(e);
}
