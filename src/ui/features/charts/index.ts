export { TimeSeriesChart, type TimeSeriesChartProps } from './TimeSeriesChart';
export { createTimeSeriesChart, type ChartSeries, type TimeSeriesChartData } from './timeSeriesChart';
export type { SeriesPoint } from './seriesMath';
