import { createContext, useContext } from 'react';
import { systemClock, type Clock } from '../app/common/clock';

/** The app's clock; tests and the report use the same interface (app/clock.ts). */
export const ClockContext = createContext<Clock>(systemClock);

export const useClock = (): Clock => useContext(ClockContext);
