// "Copy as PyTorch" for the scene on screen: every visible run as src/engine/pytorchScript.ts
// writes it, numbered as in the run list (the CSV's `run` column). Loaded when first asked for
// (exportLoader.ts): the surface is translated to torch by the formula module, which brings mathjs.
import { pytorchScript } from '../../engine/pytorchScript';
import { torchExpression } from '../../engine/formula';
import { sceneRuns, type ExportScene } from './exporters';

/** The name the script saves under, the one its own text tells the reader to run. */
export const PYTORCH_FILE_NAME = 'descent.py';

/** The Python script that replays the scene's visible runs with torch.optim. */
export function scenePytorch(scene: ExportScene): string {
  return pytorchScript(sceneRuns(scene), torchExpression);
}
