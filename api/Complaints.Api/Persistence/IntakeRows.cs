using Complaints.Api.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Complaints.Api.Persistence;

/// <summary>
/// One table row as EF Core would insert it: the columns it would send and their values, converted through the model's
/// own type mappings (converters, shadow and owned properties), so that no column is mapped twice by hand.
/// <see cref="Chain"/> is the audit chain of an audit line (the writer appends lines in ascending chain order).
/// </summary>
public sealed record IntakeRow(string Table, IReadOnlyList<string> Columns, IReadOnlyList<NpgsqlParameter> Parameters, short? Chain)
{
    /// <summary>
    /// The context's added entries as rows, in the order they were tracked (the case first), entries sharing a table
    /// and key merged into one row (owned types live in their owner's table). A column whose value the store generates
    /// and that EF Core would leave out is left out here too (the writer sends <c>DEFAULT</c>). Anything tracked as
    /// modified or deleted is refused: a submission only adds rows.
    /// </summary>
    public static List<IntakeRow> FromAdded(DbContext db)
    {
        var rows = new Dictionary<(string Table, string Key), (List<string> Columns, List<NpgsqlParameter> Parameters, short? Chain)>();
        var order = new List<(string, string)>();
        using var scratch = new NpgsqlCommand();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException($"A group-committed submission only adds rows; {entry.Metadata.DisplayName()} is {entry.State}.");
            }

            if (entry.State != EntityState.Added)
            {
                continue;
            }

            var type = entry.Metadata;
            var tableName = type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} has no table");
            var store = StoreObjectIdentifier.Table(tableName, type.GetSchema());
            var key = string.Join("|", type.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
            if (!rows.TryGetValue((tableName, key), out var row))
            {
                row = ([], [], entry.Entity is AuditEntry line ? line.Chain : null);
                rows[(tableName, key)] = row;
                order.Add((tableName, key));
            }

            foreach (var property in type.GetProperties())
            {
                var column = property.GetColumnName(store);
                var value = entry.Property(property.Name);
                if (column is null || row.Columns.Contains(column) || value.IsTemporary || property.GetBeforeSaveBehavior() == PropertySaveBehavior.Ignore
                    || (property.ValueGenerated != ValueGenerated.Never && IsDefault(value)))
                {
                    continue;
                }

                var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
                var parameter = (NpgsqlParameter)mapping.CreateParameter(scratch, "p", value.CurrentValue, property.IsNullable);
                parameter.ParameterName = "";
                row.Columns.Add(column);
                row.Parameters.Add(parameter);
            }
        }

        return order.Select(k => new IntakeRow(k.Item1, rows[k].Columns, rows[k].Parameters, rows[k].Chain)).ToList();
    }

    private static bool IsDefault(PropertyEntry value) =>
        value.CurrentValue is null || value.CurrentValue.Equals(value.Metadata.ClrType.IsValueType ? Activator.CreateInstance(value.Metadata.ClrType) : null);
}
