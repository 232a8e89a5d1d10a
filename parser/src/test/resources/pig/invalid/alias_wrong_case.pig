clicks = load 'input/a' as (x:int);
B = filter Clicks by x > 0;
store B into 'output/x';
