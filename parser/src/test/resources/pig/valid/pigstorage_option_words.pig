A = load 'input/docs' using PigStorage('\t', 'tagsource') as (doc_id:chararray, text:chararray);
B = load 'input/docs' using PigStorage('\t', '-tagsource') as (file:chararray, doc_id:chararray, text:chararray);
C = foreach B generate file, doc_id, SIZE(text) as len;
store A into 'output/docs' using PigStorage(',', 'schema');
store C into 'output/lengths';
