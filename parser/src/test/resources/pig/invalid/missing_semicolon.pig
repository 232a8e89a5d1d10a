A = load 'input/a' as (x:int)
B = filter A by x > 0;
