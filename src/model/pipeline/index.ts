export { PIPELINE_TEMPLATE_COLUMNS, REQUIRED_PIPELINE_COLUMNS, normaliseHeader } from './columns';
export type { PipelineColumn } from './columns';
export { pipelineTemplateCsv } from './template';
export { parsePipelineCsv } from './parsePipelineCsv';
export type { ParsePipelineOptions, PipelineParseResult, PipelineRowError } from './parsePipelineCsv';
export { readCsvDate, looksDayFirst } from './dates';
export type { DateReading } from './dates';
export { isSampleCandidate } from './sample';
