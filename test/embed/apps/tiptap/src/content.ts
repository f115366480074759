/** A note with headings, a list, marks and a hard break. */
export const CONTENT =
  '<h2>Assessment</h2><ul><li><p>CHF <strong>exacerbation</strong></p></li><li><p>CKD</p></li></ul>' +
  '<p>Knee OA<br>Plan: follow up, <em>labs</em> in a week.</p>';
