/**
 * The bundled family rules, one JSON file per condition family. Adding a family: add its file
 * here (a test checks that every file in this folder is listed).
 */
import heartFailure from './heart-failure.json';

/** Parsed rule files by file name. */
export const FAMILY_FILES: Readonly<Record<string, unknown>> = {
  'heart-failure.json': heartFailure,
};
