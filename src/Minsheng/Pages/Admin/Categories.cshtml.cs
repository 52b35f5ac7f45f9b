using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Features.Audit;
using Minsheng.Features.Categories;
using Minsheng.Infrastructure;

namespace Minsheng.Pages.Admin;

/// <summary>诉求分类: the two-level category tree; add, rename, deactivate.</summary>
[Authorize(Roles = nameof(Role.Admin))]
public sealed class CategoriesModel(MinshengDb db, AuditLog audit, CurrentUser me) : AdminPage
{
    public IReadOnlyList<Category> Roots { get; private set; } = [];
    public ILookup<long?, Category> Children { get; private set; } = Array.Empty<Category>().ToLookup(c => c.ParentId);
    public Category? Selected { get; private set; }
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }

    public string? Name { get; private set; }
    public string? NewCode { get; private set; }
    public string? NewName { get; private set; }
    public long? NewParentId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRenameAsync(string? name, CancellationToken ct)
    {
        Name = name;
        var ok = await TryAsync(async () => Missing(await CategoriesApi.Update(Id ?? 0, new UpdateCategoryRequest(name, null), db, audit, me, ct), "分类"));
        if (ok && Banner is null) return Done($"已改名为“{name!.Trim()}”。", Url.Page(null, new { id = Id }));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(CancellationToken ct)
    {
        var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct);
        var ok = category is not null
            && await TryAsync(async () => Missing(await CategoriesApi.Update(category.Id, new UpdateCategoryRequest(category.Name, false), db, audit, me, ct), "分类"));
        if (ok && Banner is null) return Done($"已停用“{category!.Name}”。新登记的诉求不能再选择它，已有诉求不受影响。", Url.Page(null, new { id = Id }));
        Banner ??= "分类不存在：可能已被他人删除，请刷新页面。";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string? newCode, string? newName, long? newParentId, CancellationToken ct)
    {
        (NewCode, NewName, NewParentId) = (newCode, newName, newParentId);
        CategoryView? created = null;
        var ok = await TryAsync("new", async () =>
            created = (await CategoriesApi.Create(new CreateCategoryRequest(newCode, newName, newParentId), db, audit, me, ct)).Value);
        if (ok) return Done($"已添加分类“{created!.Name}”。", Url.Page(null, new { id = created.Id }));
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await db.Categories.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct);
        var ids = all.Select(c => c.Id).ToHashSet();
        // A category whose parent is gone still shows, at the top level.
        Roots = all.Where(c => c.ParentId is null || !ids.Contains(c.ParentId.Value)).ToList();
        Children = all.Where(c => c.ParentId is { } p && ids.Contains(p)).ToLookup(c => c.ParentId);
        Selected = all.FirstOrDefault(c => c.Id == Id);
        Name ??= Selected?.Name;
        NewParentId ??= Selected is null ? null : Selected.ParentId ?? Selected.Id;
    }
}
