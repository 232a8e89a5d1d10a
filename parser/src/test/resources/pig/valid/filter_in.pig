A = load 'input/x' as (a:int, b:chararray);
B = filter A by a IN (1, 2, 3);
C = filter B by b in ('x', 'y');
store C into 'output/x';
