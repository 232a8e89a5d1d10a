-- a line comment
/* a block
   comment */
A = load 'input/a' /* inline */ as (x:int); -- trailing
store A into 'output/x';
