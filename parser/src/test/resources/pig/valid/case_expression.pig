A = load 'input/x' as (a:int, b:chararray);
B = foreach A generate (CASE WHEN a < 0 THEN 'neg' WHEN a == 0 THEN 'zero' ELSE 'pos' END) as sign;
C = foreach A generate (CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' END) as word;
store B into 'output/b';
store C into 'output/c';
