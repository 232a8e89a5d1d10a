A = load 'input/a' as (x:chararray);
B = stream A through `tr a-z A-Z` as (y:chararray);
store B into 'output/x';
