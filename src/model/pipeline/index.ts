export { PIPELINE_TEMPLATE_COLUMNS, REQUIRED_PIPELINE_COLUMNS, normaliseHeader } from './columns';
export type { PipelineColumn } from './columns';
export { pipelineTemplateCsv } from './template';
export { parsePipelineCsv, readCandidateRow } from './parse-pipeline-csv';
export type { ParsePipelineOptions, PipelineParseResult, PipelineRowError, RowProblem } from './parse-pipeline-csv';
export { candidateRow } from './candidate-row';
export { isSampleCandidate } from './sample';
export { PIPELINE_DICTIONARY, allowedText, pipelineDictionaryCsv } from './dictionary';
export type { AllowedValue, DictionaryEntry } from './dictionary';
