using Minsheng.Domain.Organization;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Public;

public sealed record DirectoryEntry(long Id, string Name, string? Phone, IReadOnlyList<DirectoryEntry> Children);

/// <summary>
/// One jurisdiction's part of the directory: its own line (shown when it matches the search), its departments and
/// its townships. A county has one section; a city has its own and one per county.
/// </summary>
public sealed record DirectorySection(DirectoryEntry Jurisdiction, string Code, bool IsCity, bool JurisdictionMatches,
    IReadOnlyList<DirectoryEntry> Departments, IReadOnlyList<DirectoryEntry> Townships)
{
    public string DepartmentsTitle => IsCity ? "市直部门" : "县直部门";
    public bool IsEmpty => !JurisdictionMatches && Departments.Count == 0 && Townships.Count == 0;
}

public sealed record DirectoryView(IReadOnlyList<DirectorySection> Sections)
{
    public bool IsEmpty => Sections.All(s => s.IsEmpty);
}

/// <summary>单位通讯录: every active unit's contact point, by jurisdiction, departments and townships apart, villages under their township.</summary>
public static class UnitDirectory
{
    public const int QueryMax = 50;

    /// <param name="units">The units to list: the whole deployment, or one county's subtree.</param>
    public static DirectoryView Build(IEnumerable<UnitInfo> units, Func<long, UnitInfo?> jurisdictionOf, string? q)
    {
        var term = q?.Trim() is { Length: > 0 } t ? t[..Math.Min(t.Length, QueryMax)] : null;
        var active = units.Where(u => u.Active).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        bool Matches(UnitInfo u) => term is null || u.Name.Contains(term, StringComparison.OrdinalIgnoreCase) || (u.Phone?.Contains(term) ?? false);
        DirectoryEntry Leaf(UnitInfo u) => new(u.Id, u.Name, u.Phone, []);

        var sections = new List<DirectorySection>();
        // Outermost first (the city before its counties), as the tree is ordered by path.
        foreach (var j in active.Where(u => u.Kind.IsJurisdiction() || u.ParentId is null).OrderBy(u => u.Path.Count(c => c == '/')).ThenBy(u => u.Path, StringComparer.Ordinal))
        {
            bool Own(UnitInfo u) => jurisdictionOf(u.Id)?.Id == j.Id;
            var townships = new List<DirectoryEntry>();
            foreach (var town in active.Where(u => u.Kind == UnitKind.Township && Own(u)))
            {
                var villages = active.Where(v => v.ParentId == town.Id && v.Kind == UnitKind.Village).ToList();
                // A matching township shows all its villages; otherwise only the villages that match.
                var shown = Matches(town) ? villages : villages.Where(Matches).ToList();
                if (Matches(town) || shown.Count > 0) townships.Add(new DirectoryEntry(town.Id, town.Name, town.Phone, shown.Select(Leaf).ToList()));
            }
            var departments = active.Where(u => u.Kind == UnitKind.Department && Own(u) && Matches(u)).Select(Leaf).ToList();
            sections.Add(new DirectorySection(Leaf(j), j.Code, j.Kind == UnitKind.City, Matches(j), departments, townships));
        }
        return new DirectoryView(sections);
    }
}
