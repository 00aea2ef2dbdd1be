using Npgsql;

namespace Complaints.Api.Tests.Migrations;

/// <summary>
/// The schema of a database as sorted lines of text, read from PostgreSQL's catalog: what the migrations built, in a form
/// that two databases can be compared by (and a diff read by a person). Tables' columns with their types, nullability,
/// defaults and identity; constraints, indexes, sequences, functions, triggers, views and extensions by their definitions.
/// Column order is left out (migrations that add columns append them) except for the tables whose row type a function
/// returns, where a function's SELECT list depends on it (agency_queue_rows). Function bodies are compared with their
/// whitespace collapsed, so that SQL may be re-indented. Data (sequence values, the migrations history) is left out.
/// </summary>
public static class SchemaDescription
{
    private const string Query = """
        WITH tables AS (
          SELECT c.oid, c.relname FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
        ),
        columns AS (
          SELECT t.relname, a.attnum, a.attname, a.atttypid, a.atttypmod, a.attnotnull, a.attidentity, a.attgenerated,
                 pg_get_expr(d.adbin, d.adrelid) AS default_expression, a.attrelid
          FROM tables t
          JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        )
        SELECT 'column ' || relname || '.' || attname || ' ' || format_type(atttypid, atttypmod)
               || CASE WHEN attnotnull THEN ' not null' ELSE '' END
               || CASE attidentity WHEN 'a' THEN ' identity always' WHEN 'd' THEN ' identity by default' ELSE '' END
               || CASE WHEN attgenerated <> '' THEN ' generated' ELSE '' END
               || coalesce(' default ' || default_expression, '')
        FROM columns
        UNION ALL
        SELECT 'row type ' || c.relname || ' (' || string_agg(c.attname, ', ' ORDER BY c.attnum) || ')'
        FROM columns c
        WHERE c.attrelid IN (SELECT t.typrelid FROM pg_proc p JOIN pg_type t ON t.oid = p.prorettype
                             WHERE p.pronamespace = 'public'::regnamespace AND t.typrelid <> 0)
        GROUP BY c.relname
        UNION ALL
        SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        UNION ALL
        SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL
        SELECT 'sequence ' || sequencename || ' ' || data_type::text || ' start ' || start_value || ' increment ' || increment_by
               || ' min ' || min_value || ' max ' || max_value || ' cache ' || cache_size || CASE WHEN cycle THEN ' cycle' ELSE '' END
        FROM pg_sequences WHERE schemaname = 'public'
        UNION ALL
        SELECT 'function ' || p.oid::regprocedure::text || ' ' || regexp_replace(pg_get_functiondef(p.oid), '\s+', ' ', 'g')
        FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
        UNION ALL
        SELECT 'trigger ' || pg_get_triggerdef(t.oid)
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal
        UNION ALL
        SELECT 'view ' || viewname || ' ' || regexp_replace(definition, '\s+', ' ', 'g') FROM pg_views WHERE schemaname = 'public'
        UNION ALL
        SELECT 'type ' || t.typname || ' ' || t.typtype::text FROM pg_type t
        WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'c')
          AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c')
        UNION ALL
        SELECT 'extension ' || extname FROM pg_extension
        """;

    public static async Task<IReadOnlyList<string>> DescribeAsync(string connectionString)
    {
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Query, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0).Trim());
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
