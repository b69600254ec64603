-- pgbench script: the database round-trip floor of F80 (bench/functions.sh): one statement, no write, no commit to wait for.
select 1;
