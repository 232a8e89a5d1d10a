A = load 'input/a' as (x:int, y:chararray);
B = distinct A parallel 3;
store B into 'output/x';
