-- pgbench script: the durable-commit floor of F80 (bench/functions.sh): one row inserted and committed with
-- synchronous_commit on, as every audited read must (its access record is on disk before the answer).
insert into bench.floor_commits default values;
