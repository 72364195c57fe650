export { MermaidExport, type MermaidExportProps } from './MermaidExport';
export { traceToMermaid, type MermaidExportOptions } from './traceToMermaid';
export { sanitizeMermaidText } from './mermaidText';
