A = load 'input/a' as (x:int, y:chararray);
B = join A by x, A by x;
store B into 'output/x';
