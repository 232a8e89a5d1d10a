A = load 'input/a' as (x:int);
B = group A x;
