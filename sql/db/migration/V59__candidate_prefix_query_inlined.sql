-- V59: the Candidates search's prefix query is inlined where it is used (issue 16).
--
-- recruiter.prefix_query (V39) was an SQL function with its own search_path setting, which PostgreSQL never
-- inlines. Each search ran it through the SQL-function executor, which parses and plans its body again in every
-- transaction: the search's two queries took 0.24 ms, timed inside candidate_search_hits over 30 transactions.
-- As one expression with an SQL-standard body, its names are resolved now, whatever the caller's search_path
-- (as V57's after_in_list_order). It is inlined into the caller's expression: the two queries take 0.14 ms.
-- Same answers: every word typed, accent-folded, as a prefix, all required; NULL when nothing is left to search.
CREATE OR REPLACE FUNCTION recruiter.prefix_query(query text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN btrim(regexp_replace(recruiter.fold_text(coalesce(query, '')), '[^[:alnum:]]+', ' ', 'g')) <> ''
            THEN to_tsquery('simple'::regconfig,
                            regexp_replace(btrim(regexp_replace(recruiter.fold_text(coalesce(query, '')),
                                                                '[^[:alnum:]]+', ' ', 'g')),
                                           '\s+', ':* & ', 'g') || ':*') END;
REVOKE ALL ON FUNCTION recruiter.prefix_query(text) FROM PUBLIC;
