/**
 * A Node module hook that makes `exceljs` impossible to find, as in an app that installed
 * vn-poverty without its optional peer dependency. Load it after tsx:
 * `node --import tsx --import ./test/_helpers/withoutExceljs.mjs script.ts`.
 */
import { register } from 'node:module';

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === 'exceljs' || specifier.startsWith('exceljs/')) {
    const error = new Error("Cannot find package 'exceljs' imported from " + context.parentURL);
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return next(specifier, context);
}
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
