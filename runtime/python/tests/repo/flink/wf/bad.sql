-- bad: the job fails at run time
-- fake: fail Table 'clicks' not found
SELECT * FROM clicks;
