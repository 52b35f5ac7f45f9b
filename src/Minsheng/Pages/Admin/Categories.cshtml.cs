using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;
using Minsheng.Features.Categories;

namespace Minsheng.Pages.Admin;

/// <summary>诉求分类: the two-level category tree; add, rename, deactivate.</summary>
[Authorize(Roles = nameof(Role.Admin))]
public sealed class CategoriesModel(CategoryAdmin categories) : AdminPage
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
        Category? saved = null;
        var ok = await TryAsync(async () => saved = await categories.UpdateAsync(Id ?? 0, new UpdateCategoryRequest(name, null), ct));
        if (ok && saved is not null) return Done($"已改名为“{saved.Name}”。", Url.Page(null, new { id = Id }));
        if (ok) Gone("分类");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(CancellationToken ct)
    {
        var category = await categories.FindAsync(Id, ct);
        Category? saved = null;
        var ok = category is not null
            && await TryAsync(async () => saved = await categories.UpdateAsync(category.Id, new UpdateCategoryRequest(category.Name, false), ct));
        if (ok && saved is not null) return Done($"已停用“{saved.Name}”。新登记的诉求不能再选择它，已有诉求不受影响。", Url.Page(null, new { id = Id }));
        if (category is null || ok) Gone("分类");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string? newCode, string? newName, long? newParentId, CancellationToken ct)
    {
        (NewCode, NewName, NewParentId) = (newCode, newName, newParentId);
        Category? created = null;
        var ok = await TryAsync("new", async () => created = await categories.CreateAsync(new CreateCategoryRequest(newCode, newName, newParentId), ct));
        if (ok) return Done($"已添加分类“{created!.Name}”。", Url.Page(null, new { id = created.Id }));
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await categories.ListAsync(ct);
        var ids = all.Select(c => c.Id).ToHashSet();
        // A category whose parent is gone still shows, at the top level.
        Roots = all.Where(c => c.ParentId is null || !ids.Contains(c.ParentId.Value)).ToList();
        Children = all.Where(c => c.ParentId is { } p && ids.Contains(p)).ToLookup(c => c.ParentId);
        Selected = all.FirstOrDefault(c => c.Id == Id);
        Name ??= Selected?.Name;
        NewParentId ??= Selected is null ? null : Selected.ParentId ?? Selected.Id;
    }
}
