-- Fleet path, single server (docs/fleet.md). One row per audit entry of every install; the
-- typed columns are taken from the entry so dashboards need no JSON parsing, and `entry` keeps
-- the exact hashed text so the chain can be checked on the server.
--
-- Exactly once as the reader sees it: an entry's event_id never changes (install id + sequence
-- number), a retried batch writes the same rows again, and ReplacingMergeTree keeps one row per
-- sort key when parts merge. Until they merge, the fleet queries collapse duplicates themselves
-- (max/min/uniqExact per key, or one row per event_id), so a reader never counts a retry twice.
-- Runs on ClickHouse 18.16 and later unchanged.

CREATE DATABASE IF NOT EXISTS agent_assist;

CREATE TABLE IF NOT EXISTS agent_assist.events
(
    event_id          String,
    org_id            String,
    install_id        String,
    agent_id          String,
    conversation_id   String,
    time              DateTime,
    time_ms           UInt64,
    seq               UInt64,
    prev_hash         String,
    hash              String,
    kind              String,
    entry             String,
    provider          String,
    action            Enum8('' = 0, 'impression' = 1, 'open' = 2, 'copy' = 3, 'insert' = 4, 'helpful' = 5, 'not_helpful' = 6, 'dismissed' = 7),
    recommendation_id String,
    source_id         String,
    reason            String,
    cache             Enum8('' = 0, 'hit' = 1, 'miss' = 2),
    latency_ms        Nullable(UInt32),
    provider_ms       Nullable(UInt32),
    shown_count       UInt16,
    hidden_count      UInt16,
    item_scores       Array(Float32),
    item_age_days     Array(Float32),
    error_kind        String,
    inserted_at       DateTime DEFAULT now(),
    -- Computed by the server on insert (never sent): 64-bit keys the fleet queries group by, so
    -- collapsing retried rows hashes one number per row instead of strings (docs/fleet.md,
    -- "Query cost").
    event_key         UInt64 MATERIALIZED cityHash64(event_id),
    impression_key    UInt64 MATERIALIZED cityHash64(install_id, conversation_id, recommendation_id)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (org_id, install_id, event_id);
