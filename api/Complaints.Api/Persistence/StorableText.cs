using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Complaints.Api.Persistence;

/// <summary>
/// Text PostgreSQL refuses: U+0000 (22021 "invalid byte sequence") and unpaired UTF-16 surrogates (no UTF-8 form).
/// Such a value must never be sent as a parameter. Beyond the failed statement, it costs the connection: when
/// it is the execution in which Npgsql auto-prepares the statement (Parse, Bind, Describe, Execute in one round
/// trip), the server accepts the Parse, refuses the Bind and skips the Describe; Npgsql then holds the statement
/// as prepared without its row description, and that pooled connection's next run of the statement reads a
/// DataRow it does not expect ("Received unexpected backend message DataRow") and breaks: another citizen's
/// request fails. Requests with control characters are refused at the edge with 400
/// (<see cref="Infrastructure.ControlCharacters"/>); this guard makes sure nothing else reaches the wire either.
/// </summary>
public static class StorableText
{
    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        if (text.IndexOf('\0') >= 0)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static void EnsureStorable(DbParameterCollection parameters)
    {
        foreach (DbParameter parameter in parameters)
        {
            switch (parameter.Value)
            {
                case string s when !IsStorable(s):
                    throw new UnstorableTextException(parameter.ParameterName);
                case string[] array when array.Any(s => s is not null && !IsStorable(s)):
                    throw new UnstorableTextException(parameter.ParameterName);
            }
        }
    }
}

/// <summary>A text value PostgreSQL cannot store was about to be sent; answered as 400 (bad input), never sent.</summary>
public sealed class UnstorableTextException(string parameter)
    : Exception($"Parameter '{parameter}' holds text PostgreSQL cannot store (U+0000 or an unpaired surrogate).");

/// <summary>Checks every EF Core command's parameters with <see cref="StorableText"/> before it is sent.</summary>
internal sealed class StorableTextInterceptor : DbCommandInterceptor
{
    public static readonly StorableTextInterceptor Instance = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        StorableText.EnsureStorable(command.Parameters);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        StorableText.EnsureStorable(command.Parameters);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        StorableText.EnsureStorable(command.Parameters);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        StorableText.EnsureStorable(command.Parameters);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        StorableText.EnsureStorable(command.Parameters);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        StorableText.EnsureStorable(command.Parameters);
        return ValueTask.FromResult(result);
    }
}
