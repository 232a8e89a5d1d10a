A = load 'input/a' as (s:chararray, n:double);
B = foreach A generate UPPER(s), LOWER(s), TRIM(s), SIZE(s), ABS(n), ROUND(n), CONCAT(s, '_x'), REPLACE(s, 'a', 'b'), INDEXOF(s, 'x', 0), org.apache.pig.builtin.LOWER(s);
store B into 'output/x';
