/** DOM ids that shortcuts and error next-steps move focus to. */
export const SESSION_ID_INPUT_ID = 'session-id-input';
export const PROFILE_SELECT_ID = 'profile-select';
