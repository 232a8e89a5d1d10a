-- nested block over a bag made by TOKENIZE in an earlier FOREACH: accepted by Pig 0.18 (local mode)
lines = LOAD 'lines' USING PigStorage('\t') AS (id:int, text:chararray);
words = FOREACH lines GENERATE id, TOKENIZE(text) AS tokens;
counted = FOREACH words {
    long_words = FILTER tokens BY SIZE($0) > 3;
    distinct_words = DISTINCT tokens;
    GENERATE id, COUNT(long_words) AS long_count, COUNT(distinct_words) AS vocabulary, IsEmpty(long_words) AS short;
};
STORE counted INTO 'out/nested_block_over_tokenized_bag';
