DEFINE upper `tr a-z A-Z` input(stdin using PigStreaming(',')) output(stdout using PigStreaming(',')) stderr('errors' limit 10);
A = load 'input/a' as (x:chararray);
B = stream A through upper;
store B into 'output/x';
