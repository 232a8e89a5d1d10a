A = load 'input/x' as (a:int, b:chararray);
B = foreach A generate (a, b) as t, {(a), (a)} as bg, TOMAP(b, a) as m;
store B into 'output/x';
