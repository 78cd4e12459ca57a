-- The supervisor page's Fleet view runs these (docs/fleet.md); Grafana or a notebook can run the
-- same text. Placeholders are ClickHouse query parameters, `{name:Type}`: current servers take
-- them as `param_name` in the URL; for servers without parameters (18.16) the extension renders
-- each as a typed literal from a validated value (src/shared/fleet/sql-params.ts), never from
-- raw text. Time range: [from, to). A retried batch may have stored a row twice until parts
-- merge: every query counts keys (max/min/uniqExact per key, or any() per event), never rows.
-- The keys are the table's 64-bit `event_key` and `impression_key` (schema.sql): grouping by a
-- number costs a fraction of grouping by the strings it hashes (docs/fleet.md, "Query cost").

-- name: ctr_by_source
-- CTR per knowledge source per time bucket: the share of impressions (one per install,
-- conversation and recommendation) that got at least one open, copy or insert.
SELECT
    toUInt32(intDiv(toUInt32(shown_at), {bucket:UInt32}) * {bucket:UInt32}) AS bucket,
    source_id,
    count() AS impressions,
    countIf(clicked = 1) AS clicked
FROM
(
    SELECT
        impression_key,
        anyIf(source_id, action = 'impression') AS source_id,
        minIf(time, action = 'impression') AS shown_at,
        max(action = 'impression') AS shown,
        max(action IN ('open', 'copy', 'insert')) AS clicked
    FROM {table:Identifier}
    WHERE time >= {from:DateTime} AND time < {to:DateTime} AND action IN ('impression', 'open', 'copy', 'insert')
    GROUP BY impression_key
)
WHERE shown = 1
GROUP BY bucket, source_id
ORDER BY bucket, source_id

-- name: ctr_by_agent
-- The same CTR per agent per time bucket (the agent who saw the impression).
SELECT
    toUInt32(intDiv(toUInt32(shown_at), {bucket:UInt32}) * {bucket:UInt32}) AS bucket,
    agent_id,
    count() AS impressions,
    countIf(clicked = 1) AS clicked
FROM
(
    SELECT
        impression_key,
        anyIf(agent_id, action = 'impression') AS agent_id,
        minIf(time, action = 'impression') AS shown_at,
        max(action = 'impression') AS shown,
        max(action IN ('open', 'copy', 'insert')) AS clicked
    FROM {table:Identifier}
    WHERE time >= {from:DateTime} AND time < {to:DateTime} AND action IN ('impression', 'open', 'copy', 'insert')
    GROUP BY impression_key
)
WHERE shown = 1
GROUP BY bucket, agent_id
ORDER BY bucket, agent_id

-- name: latency_by_provider
-- Delivery latency (context received to view published) per provider, and how often the cache
-- answered. One value per delivery (event_key); the provider's name is looked up afterwards, so
-- the per-delivery step carries numbers only.
SELECT
    provider,
    deliveries,
    cache_hits,
    p50,
    p95
FROM
(
    SELECT
        provider_key,
        count() AS deliveries,
        sum(hit) AS cache_hits,
        toUInt32(quantileExact(0.5)(latency)) AS p50,
        toUInt32(quantileExact(0.95)(latency)) AS p95
    FROM
    (
        SELECT event_key, any(cityHash64(provider)) AS provider_key, any(cache = 'hit') AS hit, any(assumeNotNull(latency_ms)) AS latency
        FROM {table:Identifier}
        WHERE time >= {from:DateTime} AND time < {to:DateTime} AND kind = 'delivery' AND isNotNull(latency_ms)
        GROUP BY event_key
    )
    GROUP BY provider_key
)
ANY LEFT JOIN
(
    SELECT DISTINCT cityHash64(provider) AS provider_key, provider
    FROM {table:Identifier}
    WHERE time >= {from:DateTime} AND time < {to:DateTime} AND kind = 'delivery' AND isNotNull(latency_ms)
) USING provider_key
ORDER BY provider

-- name: not_helpful_reasons
-- Why agents said "not helpful", most frequent first.
SELECT reason, uniqExact(event_key) AS count
FROM {table:Identifier}
WHERE time >= {from:DateTime} AND time < {to:DateTime} AND action = 'not_helpful'
GROUP BY reason
ORDER BY count DESC, reason
LIMIT 50

-- name: what_if
-- How many delivered items other thresholds would have shown (the pipeline's rule: score at or
-- above the minimum, and age at most the maximum when the age is known), beside what was shown.
SELECT
    sum(items) AS items,
    sum(would) AS would,
    sum(shown) AS shown
FROM
(
    SELECT
        event_key,
        any(length(item_scores)) AS items,
        any(arrayCount((score, age) -> score >= {min_score:Float64} AND (age < 0 OR age <= {max_age:Float64}), item_scores, item_age_days)) AS would,
        any(shown_count) AS shown
    FROM {table:Identifier}
    WHERE time >= {from:DateTime} AND time < {to:DateTime} AND kind = 'delivery'
    GROUP BY event_key
)

-- name: chain_installs
-- Each install with rows in the range and how many, in the server's order of install_id.
-- Hashing every entry is the chain check's cost, so the page cuts the installs into runs of about
-- 50,000 rows and checks one run at a time (chain_check's first_install..last_install), each
-- run reading only its own part of the table (install_id is in the sort key).
SELECT install_id, toUInt32(count()) AS rows
FROM {table:Identifier}
WHERE time >= {from:DateTime} AND time < {to:DateTime}
GROUP BY install_id
ORDER BY install_id

-- name: chain_check
-- Per install, its audit entries in the range: sequence gaps (a missing entry), broken links
-- (prev_hash is not the previous entry's hash), edited entries (the stored text does not give the
-- stored hash), and sequence numbers that arrived with two different hashes. For the installs from
-- first_install to last_install (inclusive); chain_installs says where to cut.
SELECT
    install_id,
    agent_ids,
    entries,
    first_seq,
    last_seq,
    arrayFilter((s, p) -> s != p + 1, seqs, arrayPushFront(arrayPopBack(seqs), toUInt64(first_seq - 1))) AS gaps_before,
    arrayFilter((s, prev, before, bs) -> bs + 1 = s AND before != '' AND prev != before, seqs, prevs, arrayPushFront(arrayPopBack(hashes), ''), arrayPushFront(arrayPopBack(seqs), toUInt64(first_seq - 1))) AS broken_links,
    arrayFilter((s, ok) -> ok = 0, seqs, intact) AS edited,
    arrayFilter((s, v) -> v > 1, seqs, versions) AS conflicting
FROM
(
    SELECT
        install_id,
        groupUniqArray(agent) AS agent_ids,
        count() AS entries,
        min(seq) AS first_seq,
        max(seq) AS last_seq,
        arraySort(groupArray(seq)) AS seqs,
        arraySort((x, s) -> s, groupArray(prev), groupArray(seq)) AS prevs,
        arraySort((x, s) -> s, groupArray(h), groupArray(seq)) AS hashes,
        arraySort((x, s) -> s, groupArray(ok), groupArray(seq)) AS intact,
        arraySort((x, s) -> s, groupArray(v), groupArray(seq)) AS versions
    FROM
    (
        SELECT
            install_id,
            seq,
            any(agent_id) AS agent,
            any(prev_hash) AS prev,
            any(hash) AS h,
            min(lower(hex(SHA256(concat(prev_hash, entry)))) = hash) AS ok,
            uniqExact(hash) AS v
        FROM {table:Identifier}
        WHERE time >= {from:DateTime} AND time < {to:DateTime} AND install_id >= {first_install:String} AND install_id <= {last_install:String}
        GROUP BY install_id, seq
    )
    GROUP BY install_id
)
ORDER BY install_id
