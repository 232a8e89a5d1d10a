%default MIN 10
%default DELIM ','
%declare OUT 'output/x'
A = load 'input/a' using PigStorage('$DELIM') as (x:int);
B = filter A by x > $MIN;
C = group B by x parallel $MIN;
store C into '${OUT}';
