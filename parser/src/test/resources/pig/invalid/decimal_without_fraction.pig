A = load 'input/a' as (x:double);
B = foreach A generate x * 2.;
store B into 'output/x';
