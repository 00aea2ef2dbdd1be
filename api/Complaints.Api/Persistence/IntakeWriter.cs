using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Threading.Channels;
using Complaints.Api.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Complaints.Api.Persistence;

/// <summary>Configuration section <c>Intake</c> (docs/decisions/intake-group-commit.md).</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Keyed submissions without evidence are committed in groups by <see cref="IntakeWriter"/>; off, each commits alone.</summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>At most this many submissions per transaction.</summary>
    [Range(1, 256)]
    public int MaxBatch { get; set; } = 64;

    /// <summary>Submissions waiting for the writer; one more is answered 503 with Retry-After rather than waiting without bound.</summary>
    [Range(1, 100_000)]
    public int QueueLength { get; set; } = 1024;
}

/// <summary>What became of a job: stored with its key, or the key was already held by another request (replay that one).</summary>
public enum IntakeOutcome
{
    Stored,
    KeyHeld,
}

/// <summary>
/// One keyed request for <see cref="IntakeWriter"/>: its idempotency claim, the answer to remember with it and the rows
/// that the answer reports (none for a refusal, which is remembered alone). <see cref="OrderKey"/> orders the batch's
/// cases (their rollup rows), so that batches lock the same rows in the same order.
/// </summary>
public sealed record IntakeJob(
    string Scope, string Key, string Method, string Path, string Hash, DateTimeOffset Now,
    int Status, string? ContentType, string? Location, string? ProtectedBody,
    IReadOnlyList<IntakeRow> Rows, string OrderKey)
{
    internal TaskCompletionSource<IntakeOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit of submissions (#16, docs/decisions/intake-group-commit.md). Requests prepare everything that can fail
/// for their own reasons, then queue a job and wait; one writer per instance takes the jobs waiting at that moment and
/// commits them in one transaction of three round trips whatever their number: the idempotency claims (a key already
/// held leaves the batch and is replayed by its request), every table's new rows in one multi-row statement each, the
/// commit. A job is released only after that commit, so an answer is never sent for something not stored, and the
/// complaint, its identity, timeline, audit line, queue row, rollups, outbox rows and remembered answer are still one
/// transaction. One writer cannot deadlock with itself; a batch that loses a deadlock to another transaction runs again,
/// and a batch that fails for any other statement error is written again one job at a time, so that only the job at
/// fault fails.
/// </summary>
public sealed class IntakeWriter(NpgsqlDataSource dataSource, IOptions<IntakeOptions> options, IOptions<Idempotency.IdempotencyOptions> idempotency, ILogger<IntakeWriter> logger)
    : BackgroundService
{
    private const int DeadlockRetries = 3;
    private readonly Channel<IntakeJob> _jobs = Channel.CreateBounded<IntakeJob>(new BoundedChannelOptions(options.Value.QueueLength) { SingleReader = true });

    public bool Enabled => options.Value.GroupCommit;

    /// <summary>
    /// Queues the job and waits for its transaction. Not cancellable once queued: the job may be committing, and its
    /// request must learn the outcome. A full queue or a stopping writer is answered 503 with Retry-After.
    /// </summary>
    public async Task<IntakeOutcome> CommitAsync(IntakeJob job)
    {
        if (!_jobs.Writer.TryWrite(job))
        {
            throw new DependencyUnavailableException("intake");
        }

        return await job.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<IntakeJob>(options.Value.MaxBatch);
        try
        {
            while (await _jobs.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < options.Value.MaxBatch && _jobs.Reader.TryRead(out var job))
                {
                    batch.Add(job);
                }

                await RunAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: requests have finished (GracefulShutdown); anything still queued is answered 503 below.
        }
        finally
        {
            RefuseQueued();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // A writer stopped before its loop ran (the host stops at once) still answers what was queued.
        RefuseQueued();
    }

    /// <summary>Takes no more jobs and answers those still queued 503, so no request waits on a writer that has stopped.</summary>
    private void RefuseQueued()
    {
        _jobs.Writer.TryComplete();
        while (_jobs.Reader.TryRead(out var left))
        {
            left.Done.TrySetException(new DependencyUnavailableException("intake"));
        }
    }

    private async Task RunAsync(List<IntakeJob> batch)
    {
        // A key twice in one batch (a retry racing its original): the first is written, the others replay it.
        var seen = new HashSet<(string, string)>();
        var unique = new List<IntakeJob>(batch.Count);
        var repeated = new List<IntakeJob>();
        foreach (var job in batch)
        {
            (seen.Add((job.Scope, job.Key)) ? unique : repeated).Add(job);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var stored = await WriteAsync(unique);
                foreach (var job in unique)
                {
                    job.Done.TrySetResult(stored.Contains((job.Scope, job.Key)) ? IntakeOutcome.Stored : IntakeOutcome.KeyHeld);
                }

                foreach (var job in repeated)
                {
                    job.Done.TrySetResult(IntakeOutcome.KeyHeld);
                }

                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < DeadlockRetries)
            {
                logger.LogWarning("Group commit of {Count} submissions lost a deadlock; writing it again", unique.Count);
            }
            catch (PostgresException e) when (unique.Count > 1 && !TransientDatabaseRetry.IsUnavailable(e))
            {
                // A statement failed on some job's rows: each job again alone, so only the one at fault fails.
                logger.LogWarning(e, "Group commit of {Count} submissions failed; writing them one by one", unique.Count);
                foreach (var job in batch)
                {
                    await RunAsync([job]);
                }

                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Group commit of {Count} submissions failed", unique.Count);
                foreach (var job in batch)
                {
                    job.Done.TrySetException(e);
                }

                return;
            }
        }
    }

    /// <summary>One transaction: the claims, the rows of the jobs whose claim held, the commit. Returns the keys stored.</summary>
    private async Task<HashSet<(string, string)>> WriteAsync(List<IntakeJob> jobs)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var stored = await ClaimAsync(connection, transaction, jobs);
        var rows = jobs.Where(j => stored.Contains((j.Scope, j.Key)) && j.Rows.Count > 0)
            .OrderBy(j => j.OrderKey, StringComparer.Ordinal)
            .SelectMany(j => j.Rows)
            .ToList();
        if (rows.Count > 0)
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            // The audit lines first, in ascending chain order, then the other tables in the order their rows were tracked
            // (the case first): the order EF Core's save takes the same locks in (it inserts audit_entries before the case
            // it describes), so a group and a lone transaction always take a chain's lock before the case's rollup rows
            // and never wait for each other in a cycle.
            foreach (var table in rows.GroupBy(r => r.Table).OrderBy(t => t.First().Chain is null ? 1 : 0))
            {
                batch.BatchCommands.Add(InsertOf(table.Key, table.OrderBy(r => r.Chain ?? 0).ToList()));
            }

            await batch.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return stored;
    }

    /// <summary>
    /// Claims every key with its answer in one statement. A key held by another request is left alone (that job leaves
    /// the batch); a key past its retention is taken over, as IdempotencyMiddleware does for a request alone.
    /// </summary>
    private async Task<HashSet<(string, string)>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<IntakeJob> jobs)
    {
        await using var claim = new NpgsqlCommand(Claim, connection, transaction);
        claim.Parameters.Add(new NpgsqlParameter { Value = jobs.Select(j => j.Scope).ToArray() });
        claim.Parameters.Add(new NpgsqlParameter { Value = jobs.Select(j => j.Key).ToArray() });
        claim.Parameters.Add(new NpgsqlParameter { Value = jobs.Select(j => j.Method).ToArray() });
        claim.Parameters.Add(new NpgsqlParameter { Value = jobs.Select(j => j.Path).ToArray() });
        claim.Parameters.Add(new NpgsqlParameter { Value = jobs.Select(j => j.Hash).ToArray() });
        claim.Parameters.Add(new NpgsqlParameter { Value = jobs.Select(j => j.Now).ToArray() });
        claim.Parameters.Add(new NpgsqlParameter { Value = jobs.Select(j => j.Status).ToArray() });
        claim.Parameters.Add(new NpgsqlParameter { Value = jobs.Select(j => j.ContentType).ToArray() });
        claim.Parameters.Add(new NpgsqlParameter { Value = jobs.Select(j => j.Location).ToArray() });
        claim.Parameters.Add(new NpgsqlParameter { Value = jobs.Select(j => j.ProtectedBody).ToArray() });
        claim.Parameters.Add(new NpgsqlParameter { Value = idempotency.Value.Retention });
        var stored = new HashSet<(string, string)>();
        await using var reader = await claim.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored.Add((reader.GetString(0), reader.GetString(1)));
        }

        return stored;
    }

    private const string Claim = """
        INSERT INTO idempotency_records AS r (scope, key, method, path, request_hash, created_at, status_code, content_type, location, protected_body)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::int[], $8::text[], $9::text[], $10::text[])
        ON CONFLICT (scope, key) DO UPDATE SET method = excluded.method, path = excluded.path, request_hash = excluded.request_hash,
          created_at = excluded.created_at, status_code = excluded.status_code, content_type = excluded.content_type,
          location = excluded.location, protected_body = excluded.protected_body
        WHERE r.created_at < excluded.created_at - $11::interval
        RETURNING scope, key
        """;

    /// <summary>One multi-row INSERT; a column EF Core would leave out of a row (a store default) is DEFAULT in that row.</summary>
    private static NpgsqlBatchCommand InsertOf(string table, List<IntakeRow> rows)
    {
        var columns = rows.SelectMany(r => r.Columns).Distinct().ToList();
        var command = new NpgsqlBatchCommand();
        var sql = new StringBuilder($"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ");
        var n = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                sql.Append(c == 0 ? "" : ", ");
                var at = IndexOf(rows[r].Columns, columns[c]);
                if (at < 0)
                {
                    sql.Append("DEFAULT");
                    continue;
                }

                sql.Append('$').Append(++n);
                // A copy: a parameter belongs to one command, and a batch that runs again builds its commands again.
                command.Parameters.Add(rows[r].Parameters[at].Clone());
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }

    private static int IndexOf(IReadOnlyList<string> columns, string column)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == column)
            {
                return i;
            }
        }

        return -1;
    }
}
