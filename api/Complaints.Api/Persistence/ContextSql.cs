using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Complaints.Api.Persistence;

/// <summary>
/// A fixed statement of a hot write path, sent as a plain Npgsql command on the context's own connection (so inside its
/// transaction when one is open). EF Core's <c>SqlQuery</c> and <c>ExecuteSql</c> parse the interpolated string, build
/// a query and look it up in the query cache on every call: on a submission the tracking serial's draw alone was ~5 % of
/// the service's CPU (bench/README.md, session 7). A fixed text with positional parameters is prepared once per
/// connection by Npgsql's auto-prepare, as EF's own statements are.
/// </summary>
public static class ContextSql
{
    public static async Task<int> ExecuteAsync(ComplaintsDbContext db, string sql, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(db, sql, parameters);
            return await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The rows the statement returns, each read by <paramref name="read"/>.</summary>
    public static async Task<List<T>> ReadAsync<T>(ComplaintsDbContext db, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(db, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<T>(1);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A positional parameter (<c>$1</c>, <c>$2</c>, …) of a known type, without boxing its value.</summary>
    public static NpgsqlParameter<T> Value<T>(T value) => new() { TypedValue = value };

    private static NpgsqlCommand Command(ComplaintsDbContext db, string sql, NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
