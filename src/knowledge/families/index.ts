/**
 * The bundled family rules, one JSON file per condition family. Adding a family: add its file
 * here (a test checks that every file in this folder is listed).
 */
import acuteKidneyInjury from './acute-kidney-injury.json';
import anemia from './anemia.json';
import atrialFibrillation from './atrial-fibrillation.json';
import chronicKidneyDisease from './chronic-kidney-disease.json';
import diabetes from './diabetes.json';
import encephalopathy from './encephalopathy.json';
import heartFailure from './heart-failure.json';
import malnutrition from './malnutrition.json';
import musculoskeletal from './musculoskeletal.json';
import pneumonia from './pneumonia.json';
import respiratoryFailure from './respiratory-failure.json';
import sepsis from './sepsis.json';

/** Parsed rule files by file name. */
export const FAMILY_FILES: Readonly<Record<string, unknown>> = {
  'acute-kidney-injury.json': acuteKidneyInjury,
  'anemia.json': anemia,
  'atrial-fibrillation.json': atrialFibrillation,
  'chronic-kidney-disease.json': chronicKidneyDisease,
  'diabetes.json': diabetes,
  'encephalopathy.json': encephalopathy,
  'heart-failure.json': heartFailure,
  'malnutrition.json': malnutrition,
  'musculoskeletal.json': musculoskeletal,
  'pneumonia.json': pneumonia,
  'respiratory-failure.json': respiratoryFailure,
  'sepsis.json': sepsis,
};
