A = load 'input/a' as (x:long);
B = filter A by x > 123456789012;
store B into 'output/x';
