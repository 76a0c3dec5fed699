/** The native dialogs the handlers need; Electron implements them with `dialog`, tests with scripted answers. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Dialogs {
  chooseOpenPath(): Promise<string | null>;
  chooseSavePath(suggestedName: string, filters: FileFilter[]): Promise<string | null>;
  confirm(message: string): Promise<boolean>;
}
