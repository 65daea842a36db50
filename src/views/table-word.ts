/** The id of the word "(table)" that names a table's scroll box after its card's heading (app.tsx). */
export const TABLE_WORD = 'table-word';
