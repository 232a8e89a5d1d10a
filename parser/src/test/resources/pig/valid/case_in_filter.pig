A = load 'input/a' as (x:int, s:chararray);
B = filter A by (CASE WHEN x > 0 THEN true ELSE false END);
C = foreach B generate (s IN ('a', 'b') ? 1 : 0) as flag;
store C into 'output/x';
