using System.Collections;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoalitionDashboard.Data.Import;

/// <summary>
/// Writes a loaded data set with one prepared INSERT per table, inside the importer's transaction. EF Core's change
/// tracker costs about 40 s for 100,000 pledges and their 600,000 link rows; prepared statements take a few seconds.
/// Everything is read off the EF model (table and column names, the value conversions of enums and dates, the
/// foreign keys of one-to-many and many-to-many relationships), so the rows are exactly those SaveChanges would
/// write and the migrations stay the one definition of the schema.
/// </summary>
internal static class BulkWriter
{
    /// <param name="db">A context whose transaction (begun by the importer) the rows are written in.</param>
    public static async Task WriteAsync(CoalitionDbContext db, LoadedDataSet data, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("the bulk writer runs inside the importer's transaction");
        var connection = transaction.Connection!;
        var roots = new (Type Type, IEnumerable Rows)[]
        {
            (typeof(Entities.DatasetInfo), new[] { data.Info }),
            (typeof(Entities.Source), data.Sources),
            (typeof(Entities.Country), data.Countries),
            (typeof(Entities.Organisation), data.Organisations),
            (typeof(Entities.Pledge), data.Pledges),
            (typeof(Entities.TimelineEvent), data.Events),
            (typeof(Entities.Quote), data.Quotes),
            (typeof(Entities.OpenIssue), data.OpenIssues),
        };
        foreach (var (type, rows) in roots)
        {
            var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model");
            var list = rows.Cast<object>().ToList();
            await InsertRowsAsync(connection, transaction, entityType, list, cancellationToken);
            await InsertDependentsAsync(connection, transaction, entityType, list, cancellationToken);
        }
        // Many-to-many links last. The loader may fill either side of a relationship (a pledge's countries, not a
        // country's pledges), so each join table gathers the pairs from both sides, once each.
        var sides = roots.SelectMany(root => db.Model.FindEntityType(root.Type)!.GetSkipNavigations()
                .Select(skip => (Skip: skip, Owners: (IReadOnlyList<object>)root.Rows.Cast<object>().ToList())))
            .GroupBy(side => side.Skip.JoinEntityType);
        foreach (var join in sides)
        {
            await InsertLinksAsync(connection, transaction, join.ToList(), cancellationToken);
        }
    }

    /// <summary>The children of one-to-many relationships (representatives, category links), with their foreign keys set from the parent.</summary>
    private static async Task InsertDependentsAsync(DbConnection connection, DbTransaction transaction, IEntityType principalType, IReadOnlyList<object> principals,
        CancellationToken cancellationToken)
    {
        foreach (var navigation in principalType.GetNavigations().Where(n => n.IsCollection && !n.IsOnDependent))
        {
            var foreignKey = navigation.ForeignKey;
            var children = new List<object>();
            foreach (var principal in principals)
            {
                if (navigation.GetGetter().GetClrValue(principal) is not IEnumerable collection)
                {
                    continue;
                }
                foreach (var child in collection)
                {
                    for (var i = 0; i < foreignKey.Properties.Count; i++)
                    {
                        var value = foreignKey.PrincipalKey.Properties[i].GetGetter().GetClrValue(principal);
                        foreignKey.Properties[i].PropertyInfo!.SetValue(child, value);
                    }
                    children.Add(child);
                }
            }
            await InsertRowsAsync(connection, transaction, navigation.TargetEntityType, children, cancellationToken);
        }
    }

    private static async Task InsertRowsAsync(DbConnection connection, DbTransaction transaction, IEntityType entityType, IReadOnlyList<object> rows,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        // Keys the database generates (the representatives' row ids) are left to it.
        var properties = entityType.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .ToList();
        await using var command = Prepare(connection, transaction, entityType, properties.Select(p => p.GetColumnName()).ToList());
        foreach (var row in rows)
        {
            for (var i = 0; i < properties.Count; i++)
            {
                command.Parameters[i].Value = ToProvider(properties[i], properties[i].GetGetter().GetClrValue(row));
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The rows of a many-to-many join table: one per pair of linked records, whichever side lists it.</summary>
    private static async Task InsertLinksAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<(ISkipNavigation Skip, IReadOnlyList<object> Owners)> sides, CancellationToken cancellationToken)
    {
        var first = sides[0].Skip;
        var columns = first.ForeignKey.Properties.Concat(first.Inverse.ForeignKey.Properties).ToList();
        var pairs = new HashSet<(object Left, object Right)>();
        foreach (var (skip, owners) in sides)
        {
            var reversed = skip != first;
            foreach (var owner in owners)
            {
                if (skip.GetGetter().GetClrValue(owner) is not IEnumerable targets)
                {
                    continue;
                }
                var ownerKey = KeyOf(skip.ForeignKey.PrincipalKey, owner);
                foreach (var target in targets)
                {
                    var targetKey = KeyOf(skip.Inverse.ForeignKey.PrincipalKey, target);
                    pairs.Add(reversed ? (targetKey, ownerKey) : (ownerKey, targetKey));
                }
            }
        }
        if (pairs.Count == 0)
        {
            return;
        }
        await using var command = Prepare(connection, transaction, first.JoinEntityType, columns.Select(p => p.GetColumnName()).ToList());
        foreach (var (left, right) in pairs)
        {
            command.Parameters[0].Value = ToProvider(columns[0], left);
            command.Parameters[1].Value = ToProvider(columns[1], right);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The (single-column) key value of a record: every key in this model is one column.</summary>
    private static object KeyOf(IKey key, object entity) =>
        key.Properties.Count == 1
            ? key.Properties[0].GetGetter().GetClrValue(entity) ?? throw new InvalidOperationException($"{key.DeclaringEntityType.DisplayName()} without a key")
            : throw new NotSupportedException($"{key.DeclaringEntityType.DisplayName()} has a composite key; the bulk writer links single-column keys only");

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, IEntityType entityType, IReadOnlyList<string> columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} has no table");
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < columns.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"$p{i}";
            command.Parameters.Add(parameter);
        }
        command.Prepare();
        return command;
    }

    /// <summary>The value as EF Core stores it: through the property's converter (enums are stored by name).</summary>
    private static object ToProvider(IProperty property, object? value)
    {
        if (value is null)
        {
            return DBNull.Value;
        }
        var converter = property.GetTypeMapping().Converter;
        return converter is null ? value : converter.ConvertToProvider(value) ?? DBNull.Value;
    }
}
