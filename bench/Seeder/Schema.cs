using Npgsql;

namespace Complaints.Bench.Seeder;

/// <summary>Index handling around the bulk load, and the finishing steps after it.</summary>
internal static class Schema
{
    public static readonly string[] LoadedTables =
        ["complaints", "complainant_identities", "complaint_timeline", "complaint_investigation_records", "complaint_merged_cases", "audit_entries"];

    /// <summary>Drops every non-primary-key, non-unique index of the tables and returns their definitions.</summary>
    public static async Task<List<(string Name, string Definition)>> DropSecondaryIndexesAsync(NpgsqlDataSource db, string[] tables)
    {
        var indexes = new List<(string, string)>();
        await using (var cmd = db.CreateCommand("""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            JOIN pg_class c ON c.relname = i.indexname
            JOIN pg_index x ON x.indexrelid = c.oid
            WHERE i.schemaname = 'public' AND i.tablename = ANY($1) AND NOT x.indisprimary AND NOT x.indisunique
            ORDER BY i.indexname
            """))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = tables });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                indexes.Add((r.GetString(0), r.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await using var drop = db.CreateCommand($"DROP INDEX IF EXISTS \"{name}\"");
            await drop.ExecuteNonQueryAsync();
        }

        return indexes;
    }

    /// <summary>Two at a time: the machine has two cores.</summary>
    public static async Task RecreateIndexesAsync(NpgsqlDataSource db, List<(string Name, string Definition)> indexes)
    {
        var queue = new Queue<string>(indexes.Select(i => i.Definition));
        async Task Worker()
        {
            await using var connection = await db.OpenConnectionAsync();
            await Execute(connection, "SET maintenance_work_mem = '512MB'");
            while (true)
            {
                string? definition;
                lock (queue)
                {
                    if (!queue.TryDequeue(out definition))
                    {
                        return;
                    }
                }

                await Execute(connection, definition);
            }
        }

        await Task.WhenAll(Worker(), Worker());
    }

    public static async Task FinishAsync(NpgsqlDataSource db, CaseGenerator generator)
    {
        await using var connection = await db.OpenConnectionAsync();

        // Tracking numbers continue from the seeded ones: the counters take the larger of both.
        await Execute(connection, "CREATE TEMP TABLE seeded_sequences (region_code character(6), day date, last integer)");
        await using (var copy = await connection.BeginBinaryImportAsync("COPY seeded_sequences FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var ((region, day), last) in generator.TrackingSequences)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(region, NpgsqlTypes.NpgsqlDbType.Char);
                await copy.WriteAsync(day, NpgsqlTypes.NpgsqlDbType.Date);
                await copy.WriteAsync(last, NpgsqlTypes.NpgsqlDbType.Integer);
            }

            await copy.CompleteAsync();
        }

        await Execute(connection, """
            INSERT INTO tracking_sequences (region_code, day, last) SELECT region_code, day, last FROM seeded_sequences
            ON CONFLICT (region_code, day) DO UPDATE SET last = GREATEST(tracking_sequences.last, EXCLUDED.last)
            """);

        // When audit_entries.sequence is drawn from a database sequence, it continues after the seeded lines.
        await Execute(connection, """
            DO $$
            DECLARE s text := COALESCE(pg_get_serial_sequence('audit_entries', 'sequence'), to_regclass('audit_entries_sequence')::text);
            BEGIN
              IF s IS NOT NULL THEN
                PERFORM setval(s, GREATEST((SELECT COALESCE(max(sequence), 0) FROM audit_entries), 1));
              END IF;
            END $$;
            """);

        // The agency queue rows are kept by a trigger, which the load (replica role) did not fire: the migration's own
        // function makes them, as the trigger does.
        await Execute(connection, """
            DO $$
            BEGIN
              IF to_regprocedure('agency_queue_rows(complaints)') IS NOT NULL THEN
                INSERT INTO agency_queue SELECT q.* FROM complaints c, agency_queue_rows(c) q
                ON CONFLICT DO NOTHING;
              END IF;
            END $$;
            """);

        // The statistics rollups (#16 item 3) likewise: the migration's own rebuild counts them from the cases, with the same
        // per-case function the trigger uses (docs/decisions/statistics-rollups.md).
        await Execute(connection, """
            DO $$
            BEGIN
              IF to_regprocedure('statistics_rebuild()') IS NOT NULL THEN
                PERFORM statistics_rebuild();
              END IF;
            END $$;
            """);

        foreach (var table in LoadedTables.Append("agencies").Append("tracking_sequences").Append("agency_queue")
            .Append("statistics_cases").Append("statistics_rollup").Append("statistics_items"))
        {
            await using var exists = new NpgsqlCommand($"SELECT to_regclass('{table}') IS NOT NULL", connection);
            if ((bool)(await exists.ExecuteScalarAsync())!)
            {
                await Execute(connection, $"VACUUM (ANALYZE) {table}");
            }
        }

        await Execute(connection, "CHECKPOINT");
    }

    public static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }
}
