lines = LOAD 'input/text' AS line:chararray;
STORE lines INTO 'output/text';
