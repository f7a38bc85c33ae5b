import { check } from '../../core/check';
import { formStyles } from '../../core/style';
import { readXlsx } from './read';
import { applyFormStyles } from './style';
import { load, save } from './write';

/** An .xlsx with the form style applied to every table found in it (the examples, the fixtures of the print test). */
export async function withFormStyle(bytes: Uint8Array, keepOwn = false): Promise<Uint8Array> {
  const { snapshot } = await readXlsx(bytes, 'form.xlsx');
  const wb = await load(bytes);
  applyFormStyles(wb, formStyles(check(snapshot)), { keepOwn });
  return save(wb);
}
