using System.Collections.Concurrent;
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

            var table = Tables.GetOrAdd(entry.Metadata, TableOf);
            var key = string.Join("|", table.Key.Select(p => entry.Property(p).CurrentValue?.ToString()));
            if (!rows.TryGetValue((table.Name, key), out var row))
            {
                row = ([], [], entry.Entity is AuditEntry line ? line.Chain : null);
                rows[(table.Name, key)] = row;
                order.Add((table.Name, key));
            }

            foreach (var column in table.Columns)
            {
                var value = entry.Property(column.Property);
                if (row.Columns.Contains(column.Name) || value.IsTemporary || (column.Generated && IsDefault(value)))
                {
                    continue;
                }

                var parameter = (NpgsqlParameter)column.Mapping.CreateParameter(scratch, "p", value.CurrentValue, column.Property.IsNullable);
                parameter.ParameterName = "";
                row.Columns.Add(column.Name);
                row.Parameters.Add(parameter);
            }
        }

        return order.Select(k => new IntakeRow(k.Item1, rows[k].Columns, rows[k].Parameters, rows[k].Chain)).ToList();
    }

    /// <summary>An entity type's table, key and the columns EF Core would insert, in its property order.</summary>
    private sealed record TablePlan(string Name, IReadOnlyList<IProperty> Key, IReadOnlyList<Column> Columns);

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping, bool Generated);

    // Read from the model once per entity type instead of for every property of every submission (the model never changes
    // in a process; keyed by the model's own type objects).
    private static readonly ConcurrentDictionary<IEntityType, TablePlan> Tables = new();

    private static TablePlan TableOf(IEntityType type)
    {
        var name = type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} has no table");
        var store = StoreObjectIdentifier.Table(name, type.GetSchema());
        var columns = type.GetProperties()
            .Where(p => p.GetBeforeSaveBehavior() != PropertySaveBehavior.Ignore)
            .Select(p => (Property: p, Name: p.GetColumnName(store)))
            .Where(c => c.Name is not null)
            .Select(c => new Column(c.Property, c.Name!, (RelationalTypeMapping)c.Property.GetRelationalTypeMapping(), c.Property.ValueGenerated != ValueGenerated.Never))
            .ToList();
        return new TablePlan(name, type.FindPrimaryKey()!.Properties, columns);
    }

    private static bool IsDefault(PropertyEntry value) =>
        value.CurrentValue is null || value.CurrentValue.Equals(value.Metadata.ClrType.IsValueType ? Activator.CreateInstance(value.Metadata.ClrType) : null);
}
