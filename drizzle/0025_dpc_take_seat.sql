-- Taking a seat at a DPC session in one statement (dpc/registrations.ts, register). Every
-- registration of a session waits for that session's row lock; when the application held it
-- across four round trips (lock, read, insert, status), each one cost the others ≈ 10 ms under
-- load, 10 s for 1,000 people at once. This function does the same steps inside the server:
-- the lock is held for the function's run and its commit only, well under a millisecond.
--
-- Each statement of a plpgsql function takes a new snapshot (READ COMMITTED), so the count
-- read after the lock sees every registration committed before it: no overbooking. The seat
-- rule is the one of dpc/seats.ts (hasSeatFor): a profession's reserved seats first, then the
-- open ones (capacity minus every reserved seat); test/integration/dpc-seat-race.test.ts
-- checks that both give the same answer.
--
-- The row lock lasts until the commit, which waits for its WAL to reach the disk (3.8 s for
-- 1,000 people at once on the loaded 2-core machine; 1.1 s when that one wait was skipped with
-- synchronous_commit off). The flush is kept: a registration confirmed to a professional is
-- never lost, even if the PostgreSQL server crashes just after.
--
-- Returns 'registered' or 'waitlisted', or why not: 'notFound', 'cancelled', 'notOpen',
-- 'started', 'deadlinePassed', 'profession', 'trainer', 'already' (dpc.ineligible.*), in the
-- order of ineligibility() in dpc/registrations.ts.
CREATE FUNCTION "dpc_take_seat"(p_session text, p_user text, p_profession text, p_now timestamptz, p_id text)
RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	target record;
	mine integer;
	open_taken integer;
	reserved_total integer;
	total integer;
	outcome text;
BEGIN
	SELECT s.capacity, s.reserved_seats, s.status, s.starts_at, s.registration_deadline, a.professions INTO target
		FROM dpc_sessions AS s JOIN dpc_actions AS a ON a.id = s.action_id WHERE s.id = p_session FOR UPDATE OF s;
	IF NOT FOUND OR target.status = 'draft' THEN RETURN 'notFound'; END IF;
	IF target.status = 'cancelled' THEN RETURN 'cancelled'; END IF;
	IF target.status NOT IN ('published', 'full') THEN RETURN 'notOpen'; END IF;
	IF target.starts_at <= p_now THEN RETURN 'started'; END IF;
	IF target.registration_deadline <= p_now THEN RETURN 'deadlinePassed'; END IF;
	IF NOT p_profession = ANY (target.professions) THEN RETURN 'profession'; END IF;
	IF EXISTS (SELECT 1 FROM dpc_session_trainers WHERE session_id = p_session AND user_id = p_user) THEN RETURN 'trainer'; END IF;

	SELECT coalesce(sum(taken) FILTER (WHERE profession = p_profession), 0),
		coalesce(sum(greatest(0, taken - coalesce((target.reserved_seats ->> profession)::integer, 0))), 0),
		coalesce(sum(taken), 0)
		INTO mine, open_taken, total
		FROM (SELECT profession, count(*)::integer AS taken FROM dpc_registrations
			WHERE session_id = p_session AND status = 'registered' GROUP BY profession) AS seats;
	SELECT coalesce(sum(value::integer), 0) INTO reserved_total FROM jsonb_each_text(target.reserved_seats);
	outcome := CASE
		WHEN mine < coalesce((target.reserved_seats ->> p_profession)::integer, 0) THEN 'registered'
		WHEN open_taken < target.capacity - reserved_total THEN 'registered'
		ELSE 'waitlisted' END;

	-- A new row, or the person's cancelled one again (one row per person and session).
	INSERT INTO dpc_registrations AS r (id, session_id, user_id, status, profession, queued_at, registered_at, created_at)
		VALUES (p_id, p_session, p_user, outcome, p_profession, p_now, CASE WHEN outcome = 'registered' THEN p_now END, p_now)
		ON CONFLICT (session_id, user_id) DO UPDATE
			SET status = excluded.status, profession = excluded.profession, queued_at = excluded.queued_at,
				registered_at = excluded.registered_at, promoted_at = NULL, cancelled_at = NULL
			WHERE r.status = 'cancelled'
		RETURNING r.status INTO outcome;
	IF outcome IS NULL THEN RETURN 'already'; END IF;

	IF outcome = 'registered' AND total + 1 >= target.capacity AND target.status = 'published' THEN
		UPDATE dpc_sessions SET status = 'full' WHERE id = p_session;
	END IF;
	RETURN outcome;
END
$$;
