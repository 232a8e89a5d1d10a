A = load 'input/x' as (a:int, b:chararray);
B = foreach A generate (a > 10 ? 'big' : 'small') as size, (b is null ? 0 : 1) as has_b;
store B into 'output/x';
