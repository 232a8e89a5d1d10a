DEFINE save(rel, path) RETURNS void {
    store $rel into '$path';
};
A = load 'input/a' as (x:int);
save(A, 'output/x');
