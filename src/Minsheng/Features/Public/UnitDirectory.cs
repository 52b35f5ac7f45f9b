using Minsheng.Domain.Organization;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Public;

public sealed record DirectoryEntry(long Id, string Name, string? Phone, IReadOnlyList<DirectoryEntry> Children);

public sealed record DirectoryView(IReadOnlyList<DirectoryEntry> Counties, IReadOnlyList<DirectoryEntry> Departments, IReadOnlyList<DirectoryEntry> Townships);

/// <summary>单位通讯录: every active unit's contact point, departments and townships apart, villages under their township.</summary>
public static class UnitDirectory
{
    public const int QueryMax = 50;

    public static DirectoryView Build(UnitTree units, string? q)
    {
        var term = q?.Trim() is { Length: > 0 } t ? t[..Math.Min(t.Length, QueryMax)] : null;
        var active = units.All.Where(u => u.Active).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        bool Matches(UnitInfo u) => term is null || u.Name.Contains(term, StringComparison.OrdinalIgnoreCase) || (u.Phone?.Contains(term) ?? false);
        DirectoryEntry Leaf(UnitInfo u) => new(u.Id, u.Name, u.Phone, []);

        var townships = new List<DirectoryEntry>();
        foreach (var town in active.Where(u => u.Kind == UnitKind.Township))
        {
            var villages = active.Where(v => v.ParentId == town.Id && v.Kind == UnitKind.Village).ToList();
            // A matching township shows all its villages; otherwise only the villages that match.
            var shown = Matches(town) ? villages : villages.Where(Matches).ToList();
            if (Matches(town) || shown.Count > 0) townships.Add(new DirectoryEntry(town.Id, town.Name, town.Phone, shown.Select(Leaf).ToList()));
        }
        return new DirectoryView(
            active.Where(u => u.Kind == UnitKind.County && Matches(u)).Select(Leaf).ToList(),
            active.Where(u => u.Kind == UnitKind.Department && Matches(u)).Select(Leaf).ToList(),
            townships);
    }
}
