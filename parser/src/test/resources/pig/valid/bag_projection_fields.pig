-- Several fields of a GROUP's or COGROUP's bag: the bag of tuples of those fields.
parks = LOAD 'park_team_years' USING PigStorage('\t') AS (park_id:chararray, team_id:chararray, year_id:long, n_games:long);
by_team = GROUP parks BY team_id;
pairs = FOREACH by_team GENERATE group AS team_id, parks.(park_id, year_id) AS park_years, parks.($3, $0),
    COUNT(parks.(park_id, n_games)) AS n;
STORE pairs INTO 'team_park_years';
busy = FILTER parks BY n_games > 70L;
both = COGROUP parks BY team_id, busy BY team_id;
sides = FOREACH both GENERATE group, parks.(park_id, n_games), busy.(year_id, park_id);
STORE sides INTO 'team_busy_parks';
