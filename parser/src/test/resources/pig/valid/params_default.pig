%default INPUT 'input/a'
%declare OUTPUT 'output/x'
A = load '$INPUT' as (x:int);
store A into '$OUTPUT';
