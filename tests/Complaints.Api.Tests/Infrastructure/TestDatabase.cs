using Npgsql;

namespace Complaints.Api.Tests.Infrastructure;

/// <summary>A fresh database on the real PostgreSQL that ./test.sh started (COMPLAINTS_TEST_DB).</summary>
public static class TestDatabase
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("COMPLAINTS_TEST_DB")
        ?? throw new InvalidOperationException("COMPLAINTS_TEST_DB is not set: run the tests with ./test.sh, which starts PostgreSQL.");

    public static async Task<string> CreateAsync(string purpose)
    {
        var name = $"complaints_{purpose}_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>A connection string to a port nothing listens on: the database is "down".</summary>
    public static string Unreachable => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;
}
