export { PIPELINE_TEMPLATE_COLUMNS, REQUIRED_PIPELINE_COLUMNS, normaliseHeader } from './columns';
export type { PipelineColumn } from './columns';
export { pipelineTemplateCsv } from './template';
export { parsePipelineCsv } from './parse-pipeline-csv';
export type { ParsePipelineOptions, PipelineParseResult, PipelineRowError } from './parse-pipeline-csv';
export { isSampleCandidate } from './sample';
