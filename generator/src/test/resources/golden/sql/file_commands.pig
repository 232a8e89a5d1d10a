-- Grunt's file commands run where the script has them: after the STOREs before them, before those after.
rmf $OUTPUT/stage;
fs -put lookup.tsv $OUTPUT/stage/lookup;
visits = LOAD '$INPUT' USING PigStorage(',') AS (user:chararray, url:chararray, ms:long);
lookup = LOAD '$OUTPUT/stage/lookup' AS (url:chararray, site:chararray);
joined = JOIN visits BY url, lookup BY url;
STORE joined INTO '$OUTPUT/stage/joined';
fs -mkdir -p $OUTPUT/archive;
mv $OUTPUT/stage/joined $OUTPUT/archive/joined;
archived = LOAD '$OUTPUT/archive/joined' AS (user:chararray, url:chararray, ms:long, url2:chararray, site:chararray);
by_site = GROUP archived BY site;
totals = FOREACH by_site GENERATE group AS site, SUM(archived.ms) AS ms;
STORE totals INTO '$OUTPUT/totals';
fs -touchz $OUTPUT/totals/_DONE;
fs -rm -r -f $OUTPUT/stage;
