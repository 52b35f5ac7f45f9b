using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Minsheng.Data;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Notifications;

namespace Minsheng.Bench.Scale;

/// <summary>A column of a bulk-loaded table: its name, CLR type and a compiled getter over the domain object.</summary>
public sealed record ColumnShape(string Name, Type Type, Func<object, object?> Get);

/// <summary>
/// The columns of one table as the product's EF model maps them (snake_case names, enums as text), read from the
/// model rather than written out by hand, so the loader follows the schema the product itself reads.
/// The generated id and the owning appeal's id are supplied by the loader (the domain leaves them to the database).
/// </summary>
public sealed record TableShape(string Table, ColumnShape[] Columns)
{
    public static TableShape For<T>(MinshengDb db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var columns = new List<ColumnShape>();
        foreach (var p in entity.GetProperties())
        {
            if (p.IsShadowProperty()) continue;
            var member = (System.Reflection.MemberInfo?)p.PropertyInfo ?? p.FieldInfo ?? throw new InvalidOperationException(p.Name);
            var o = Expression.Parameter(typeof(object));
            var body = Expression.Convert(Expression.MakeMemberAccess(Expression.Convert(o, typeof(T)), member), typeof(object));
            columns.Add(new ColumnShape(p.GetColumnName(), Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType,
                Expression.Lambda<Func<object, object?>>(body, o).Compile()));
        }
        return new TableShape(entity.GetTableName()!, columns.ToArray());
    }

    public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));
}

/// <summary>The six tables an appeal's history fills.</summary>
public sealed record Shapes(TableShape Appeals, TableShape Timeline, TableShape CoUnits, TableShape Orders, TableShape Leads, TableShape Notices)
{
    public static Shapes From(MinshengDb db) => new(TableShape.For<Appeal>(db), TableShape.For<TimelineEntry>(db), TableShape.For<AppealCoUnit>(db),
        TableShape.For<SupervisionOrder>(db), TableShape.For<AccountabilityLead>(db), TableShape.For<Notification>(db));

    public IEnumerable<TableShape> All => [Appeals, Timeline, CoUnits, Orders, Leads, Notices];
}

/// <summary>Ids for child rows, continuing after whatever the demo seed already wrote.</summary>
public sealed class IdCounters
{
    public long Timeline, Orders, Leads, Notices;
}
