/**
 * The bundled family rules, one JSON file per condition family. Adding a family: add its file
 * here (a test checks that every file in this folder is listed).
 */
import acuteKidneyInjury from './acute-kidney-injury.json';
import anemia from './anemia.json';
import asthma from './asthma.json';
import atrialFibrillation from './atrial-fibrillation.json';
import breast from './breast.json';
import cancer from './cancer.json';
import cardiomyopathy from './cardiomyopathy.json';
import cellulitis from './cellulitis.json';
import chronicKidneyDisease from './chronic-kidney-disease.json';
import chronicUlcer from './chronic-ulcer.json';
import deepVeinThrombosis from './deep-vein-thrombosis.json';
import dementia from './dementia.json';
import depression from './depression.json';
import diabetes from './diabetes.json';
import ear from './ear.json';
import encephalopathy from './encephalopathy.json';
import eye from './eye.json';
import fracture from './fracture.json';
import giBleed from './gi-bleed.json';
import heartFailure from './heart-failure.json';
import malnutrition from './malnutrition.json';
import musculoskeletal from './musculoskeletal.json';
import myocardialInfarction from './myocardial-infarction.json';
import obesity from './obesity.json';
import osteomyelitis from './osteomyelitis.json';
import pneumonia from './pneumonia.json';
import pressureInjury from './pressure-injury.json';
import respiratoryFailure from './respiratory-failure.json';
import sepsis from './sepsis.json';
import shock from './shock.json';
import stroke from './stroke.json';
import thrombocytopenia from './thrombocytopenia.json';
import urinaryTractInfection from './urinary-tract-infection.json';

/** Parsed rule files by file name. */
export const FAMILY_FILES: Readonly<Record<string, unknown>> = {
  'acute-kidney-injury.json': acuteKidneyInjury,
  'anemia.json': anemia,
  'asthma.json': asthma,
  'atrial-fibrillation.json': atrialFibrillation,
  'breast.json': breast,
  'cancer.json': cancer,
  'cardiomyopathy.json': cardiomyopathy,
  'cellulitis.json': cellulitis,
  'chronic-kidney-disease.json': chronicKidneyDisease,
  'chronic-ulcer.json': chronicUlcer,
  'deep-vein-thrombosis.json': deepVeinThrombosis,
  'dementia.json': dementia,
  'depression.json': depression,
  'diabetes.json': diabetes,
  'ear.json': ear,
  'encephalopathy.json': encephalopathy,
  'eye.json': eye,
  'fracture.json': fracture,
  'gi-bleed.json': giBleed,
  'heart-failure.json': heartFailure,
  'malnutrition.json': malnutrition,
  'musculoskeletal.json': musculoskeletal,
  'myocardial-infarction.json': myocardialInfarction,
  'obesity.json': obesity,
  'osteomyelitis.json': osteomyelitis,
  'pneumonia.json': pneumonia,
  'pressure-injury.json': pressureInjury,
  'respiratory-failure.json': respiratoryFailure,
  'sepsis.json': sepsis,
  'shock.json': shock,
  'stroke.json': stroke,
  'thrombocytopenia.json': thrombocytopenia,
  'urinary-tract-infection.json': urinaryTractInfection,
};
