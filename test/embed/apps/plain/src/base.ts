// Baseline for the size comparison: the same page with a textarea.
const editor = document.querySelector('textarea')!;
editor.value = 'Assessment: CKD, hypertension.';
