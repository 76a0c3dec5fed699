/** What Settings → Test connection and Refresh show for an OCPI profile (the result of those channels). */
import type { Profile } from './profile';

export interface ConnectionTestStep {
  name: 'discovery' | 'sessions-list';
  ok: boolean;
  /** What worked, or what failed and what to change. */
  message: string;
}

export interface ConnectionTestResult {
  ok: boolean;
  steps: ConnectionTestStep[];
  /** The profile with what discovery found kept on it (unchanged when discovery failed). */
  profile: Profile;
  /** The X-Correlation-ID every request of the test carried. */
  correlationId: string;
}
