// Entry of the follow-up suite that test/integration/explorerRestart.test.ts asks the launcher
// for: it runs in a fresh window of the same VS Code, so in a new extension host process.
import { runMocha, testFiles } from '../integration/index';

export function run(): Promise<void> {
  return runMocha(testFiles(__dirname));
}
