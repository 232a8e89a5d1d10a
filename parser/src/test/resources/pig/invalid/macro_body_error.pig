DEFINE broken(R) RETURNS S {
    $S = filter $R by ;
};
A = load 'input/a' as (x:int);
B = broken(A);
store B into 'output/x';
