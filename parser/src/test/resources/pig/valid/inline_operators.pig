A = load 'input/a' as (x:int, y:int);
B = foreach (filter A by x > 0) generate y;
C = order (distinct B) by y;
store C into 'output/x';
