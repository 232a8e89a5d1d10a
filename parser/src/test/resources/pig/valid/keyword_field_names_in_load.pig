A = load 'input/a' as (order:int, load:chararray, group:long);
store A into 'output/x';
