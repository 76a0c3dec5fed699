/** The app's version as exports record it; bundlers inline it from package.json. */
import pkg from '../../package.json';

export const APP_VERSION: string = pkg.version;
