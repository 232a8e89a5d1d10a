A = load 'input/a' as (x:int);
B = filter A x > 0;
