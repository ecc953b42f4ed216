import os from 'node:os';
import path from 'node:path';

/** The folder name under the OS's application-data folder; Electron's main sets userData to the same. */
export const DATA_FOLDER_NAME = 'ChildrensHomeDesk';

/**
 * Where Electron keeps `userData` for this app, computed without Electron, so the web host and the
 * command line open the same data folder by default.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), DATA_FOLDER_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', DATA_FOLDER_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), DATA_FOLDER_NAME);
  }
}
