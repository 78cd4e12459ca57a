-- Fleet path on a cluster (docs/fleet.md): a replicated local table on every node and a
-- Distributed table in front of it. The extension and the fleet queries use the Distributed
-- table (`agent_assist.events`), exactly as they use the single-server table.
--
-- Sharding: by org and install (cityHash64(org_id, install_id)). Every row of one install lands
-- on one shard, so a retried batch meets its first copy there (ReplacingMergeTree only collapses
-- rows within a shard) and the chain check of an install reads one shard. Agents of one org
-- spread over all shards, so a large org's queries use every node.
--
-- Replace {cluster} with the cluster name from remote_servers; {shard} and {replica} are the
-- server's macros. Columns must match schema.sql.

CREATE DATABASE IF NOT EXISTS agent_assist ON CLUSTER '{cluster}';

CREATE TABLE IF NOT EXISTS agent_assist.events_local ON CLUSTER '{cluster}'
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
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/agent_assist/events_local', '{replica}')
PARTITION BY toYYYYMM(time)
ORDER BY (org_id, install_id, event_id);

CREATE TABLE IF NOT EXISTS agent_assist.events ON CLUSTER '{cluster}' AS agent_assist.events_local
ENGINE = Distributed('{cluster}', agent_assist, events_local, cityHash64(org_id, install_id));
