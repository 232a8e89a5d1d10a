A = load 'input/a' as (x:int);
B = filter A by x > $THRESHOLD;
store B into 'output/x';
