using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;
using Minsheng.Features.Units;
using Minsheng.Infrastructure;

namespace Minsheng.Pages.Admin;

/// <summary>单位管理: the unit tree; a selected unit is renamed, given a phone, deactivated or given a child.</summary>
[Authorize(Roles = nameof(Role.Admin))]
public sealed class UnitsModel(UnitAdmin admin, UnitTree tree, CurrentUser me) : AdminPage
{
    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];
    public UnitInfo? Selected { get; private set; }
    /// <summary>Villages (村/社区) per township, shown on the collapsed township's row.</summary>
    public IReadOnlyDictionary<long, int> VillageCounts { get; private set; } = new Dictionary<long, int>();
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    // What the forms show again after an error.
    public string? Name { get; private set; }
    public string? Phone { get; private set; }
    public string? ChildCode { get; private set; }
    public string? ChildName { get; private set; }
    public UnitKind? ChildKind { get; private set; }
    public string? ChildPhone { get; private set; }

    public static int Depth(UnitInfo u) => u.Path.Count(c => c == '/') - 2;

    /// <summary>The kind a new child of this unit usually has.</summary>
    public static UnitKind ChildKindOf(UnitInfo? parent) => parent?.Kind switch
    {
        null => UnitKind.County,
        UnitKind.City => UnitKind.County,
        UnitKind.Township or UnitKind.Village => UnitKind.Village,
        _ => UnitKind.Department,
    };

    public void OnGet() => Load();

    public async Task<IActionResult> OnPostEditAsync(string? name, string? phone, CancellationToken ct)
    {
        (Name, Phone) = (name, phone);
        UnitView? saved = null;
        var ok = await TryAsync(async () => saved = await admin.UpdateAsync(Id ?? 0, new UpdateUnitRequest(name, phone, null), ct));
        if (ok && saved is not null) return Done($"已保存“{saved.Name}”。", Url.Page(null, new { id = Id, q = Q }));
        if (ok) Gone("单位");
        Load();
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(CancellationToken ct)
    {
        UnitView? saved = null;
        var unit = tree.Find(Id ?? 0);
        var ok = unit is not null
            && await TryAsync(async () => saved = await admin.UpdateAsync(unit.Id, new UpdateUnitRequest(unit.Name, unit.Phone, false), ct));
        if (ok && saved is not null) return Done($"已停用“{saved.Name}”。停用的单位不再出现在派单和登记的选项中。", Url.Page(null, new { id = Id, q = Q }));
        if (unit is null || ok) Gone("单位");
        Load();
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string? childCode, string? childName, UnitKind? childKind, string? childPhone, CancellationToken ct)
    {
        (ChildCode, ChildName, ChildKind, ChildPhone) = (childCode, childName, childKind, childPhone);
        UnitView? created = null;
        var ok = await TryAsync("child", async () => created = await admin.CreateAsync(new CreateUnitRequest(childCode, childName, childKind, Id, childPhone), ct));
        if (ok) return Done($"已添加“{created!.Name}”。", Url.Page(null, new { id = created.Id }));
        Load();
        return Page();
    }

    private void Load()
    {
        // A county's admin sees and edits the county's own tree.
        var all = tree.All.Where(u => me.Covers(u.Id)).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        Selected = Id is { } id && me.Covers(id) ? tree.Find(id) : null;
        VillageCounts = all.Where(u => u.Kind == UnitKind.Village && u.ParentId is not null).GroupBy(u => u.ParentId!.Value).ToDictionary(g => g.Key, g => g.Count());
        if (!string.IsNullOrWhiteSpace(Q))
            Units = all.Where(u => u.Name.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase) || u.Code.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        else
        {
            // Villages are most of the tree: only the selected township's are listed, the others collapse to a count.
            var open = Selected is null ? null : Selected.Kind == UnitKind.Village ? Selected.ParentId : Selected.Id;
            Units = all.Where(u => u.Kind != UnitKind.Village || u.ParentId == open).ToList();
        }
        Name ??= Selected?.Name;
        Phone ??= Selected?.Phone;
        ChildKind ??= ChildKindOf(Selected);
    }
}
