-- The migration's connection goes back to the pool it came from: give it back that pool's own limits (its
-- startup options), so no later statement on it runs without a timeout.
RESET statement_timeout;
RESET lock_timeout;
