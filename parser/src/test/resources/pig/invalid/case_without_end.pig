A = load 'input/a' as (x:int);
B = foreach A generate (CASE WHEN x > 0 THEN 1 ELSE 0) as s;
store B into 'output/x';
